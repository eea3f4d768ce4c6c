using Alerts.LocalServiceBus.Filters;

namespace Alerts.LocalServiceBus.Broker;

/// <summary>
/// A message as the broker sees it: the properties rules can filter on, and an opaque payload that only the
/// protocol adapter reads. Treated as immutable: settlement that changes properties makes a modified copy,
/// so a copy being encoded for the wire never changes underneath the encoder.
/// </summary>
internal sealed class BrokerMessage : IFilterableMessage
{
    public string? MessageId { get; init; }

    public string? CorrelationId { get; init; }

    /// <summary>Subject; the SQL filter language calls it <c>Label</c>.</summary>
    public string? Subject { get; init; }

    public string? To { get; init; }

    public string? ReplyTo { get; init; }

    public string? ContentType { get; init; }

    public string? SessionId { get; init; }

    public string? ReplyToSessionId { get; init; }

    /// <summary>When set, the message becomes visible only at this time.</summary>
    public DateTimeOffset? ScheduledEnqueueTime { get; init; }

    /// <summary>Application properties with their wire names (case preserved).</summary>
    public IReadOnlyDictionary<string, object?> ApplicationProperties { get; init; } = EmptyProperties;

    /// <summary>Encoded size in bytes, for the message size limit.</summary>
    public int Size { get; init; }

    /// <summary>What the protocol adapter needs to put the message back on the wire (sections, body); the broker never reads it.</summary>
    public object? Payload { get; init; }

    private static readonly IReadOnlyDictionary<string, object?> EmptyProperties = new Dictionary<string, object?>();

    /// <summary>A copy with <paramref name="changes"/> merged into the application properties.</summary>
    public BrokerMessage WithApplicationProperties(IEnumerable<KeyValuePair<string, object?>> changes)
    {
        var merged = new Dictionary<string, object?>(ApplicationProperties, StringComparer.Ordinal);
        foreach (var (key, value) in changes)
        {
            merged[key] = value;
        }

        return new BrokerMessage
        {
            MessageId = MessageId,
            CorrelationId = CorrelationId,
            Subject = Subject,
            To = To,
            ReplyTo = ReplyTo,
            ContentType = ContentType,
            SessionId = SessionId,
            ReplyToSessionId = ReplyToSessionId,
            ScheduledEnqueueTime = ScheduledEnqueueTime,
            ApplicationProperties = merged,
            Size = Size,
            Payload = Payload,
        };
    }

    /// <inheritdoc />
    public bool TryGetSystemProperty(string name, out object? value)
    {
        value = name.ToUpperInvariant() switch
        {
            "MESSAGEID" => MessageId,
            "CORRELATIONID" => CorrelationId,
            "LABEL" or "SUBJECT" => Subject,
            "TO" => To,
            "REPLYTO" => ReplyTo,
            "CONTENTTYPE" => ContentType,
            "SESSIONID" => SessionId,
            "REPLYTOSESSIONID" => ReplyToSessionId,
            _ => null,
        };
        return value is not null;
    }

    /// <inheritdoc />
    public bool TryGetApplicationProperty(string name, out object? value)
    {
        if (ApplicationProperties.TryGetValue(name, out value))
        {
            return true;
        }

        foreach (var (key, candidate) in ApplicationProperties)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                value = candidate;
                return true;
            }
        }

        value = null;
        return false;
    }
}
