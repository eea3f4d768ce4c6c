using Alerts.Evaluate.Lifecycle;
using Alerts.Platform.Bus;
using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.Logging;

namespace Alerts.Evaluate.Breaches;

/// <summary>
/// Publishes alert events to the <c>breaches</c> topic: JSON body (<see cref="MessageJson"/>), MessageId =
/// event id (so duplicate detection drops a re-published event), CorrelationId = alert fingerprint, and
/// application properties <c>severity</c>, <c>commodity</c>, <c>reporter</c>, <c>state</c>, <c>ruleId</c>
/// for subscription filters.
/// </summary>
public sealed partial class BreachPublisher : IAsyncDisposable
{
    private readonly ServiceBusSender sender;
    private readonly ILogger<BreachPublisher> logger;

    public BreachPublisher(ServiceBusClient client, ILogger<BreachPublisher> logger)
    {
        ArgumentNullException.ThrowIfNull(client);
        sender = client.CreateSender(ServiceBusNames.BreachesTopic);
        this.logger = logger;
    }

    public static ServiceBusMessage CreateMessage(AlertEvent alertEvent)
    {
        ArgumentNullException.ThrowIfNull(alertEvent);
        var state = alertEvent.State == AlertState.Firing ? "firing" : "resolved";
        return new ServiceBusMessage(MessageJson.Serialize(alertEvent))
        {
            MessageId = alertEvent.EventId,
            CorrelationId = alertEvent.Fingerprint,
            ContentType = "application/json",
            Subject = $"{state}: {alertEvent.RuleId} {alertEvent.Reporter}/{alertEvent.Commodity} {alertEvent.Period}",
            ApplicationProperties =
            {
                [MessageProperties.Severity] = alertEvent.Severity,
                [MessageProperties.Commodity] = alertEvent.Commodity,
                [MessageProperties.Reporter] = alertEvent.Reporter,
                [MessageProperties.State] = state,
                [MessageProperties.RuleId] = alertEvent.RuleId,
            },
        };
    }

    /// <summary>Sends the events in batches; every message's size is checked before the first is sent.</summary>
    /// <exception cref="MessageTooLargeException">An event does not fit in one message.</exception>
    public async Task PublishAsync(IReadOnlyList<AlertEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0)
        {
            return;
        }

        var batches = await BatchSender.SendAsync(sender, [.. events.Select(CreateMessage)], cancellationToken).ConfigureAwait(false);
        foreach (var e in events)
        {
            LogPublished(e.Fingerprint, e.EventId, e.State, e.RuleId, e.Commodity, e.Reporter, e.Period);
        }

        LogSent(events.Count, batches);
    }

    public ValueTask DisposeAsync() => sender.DisposeAsync();

    [LoggerMessage(Level = LogLevel.Information, Message = "Published alert event {EventId} ({State}) for {RuleId} on {Commodity}/{Reporter} {Period}; correlation {CorrelationId}")]
    private partial void LogPublished(string correlationId, string eventId, AlertState state, string ruleId, string commodity, string reporter, string period);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Sent {Count} alert events in {Batches} batches")]
    private partial void LogSent(int count, int batches);
}
