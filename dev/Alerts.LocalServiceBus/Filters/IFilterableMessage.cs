namespace Alerts.LocalServiceBus.Filters;

/// <summary>What a subscription rule can see of a message.</summary>
public interface IFilterableMessage
{
    /// <summary>
    /// System properties by their SQL filter name, case-insensitive: MessageId, CorrelationId, Label (= Subject),
    /// To, ReplyTo, ContentType, SessionId, ReplyToSessionId.
    /// </summary>
    bool TryGetSystemProperty(string name, out object? value);

    /// <summary>Application properties, case-insensitive.</summary>
    bool TryGetApplicationProperty(string name, out object? value);
}
