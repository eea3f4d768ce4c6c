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
    private readonly BusPublisher<AlertEvent> bus;
    private readonly ILogger<BreachPublisher> logger;

    public BreachPublisher(ServiceBusClient client, ILogger<BreachPublisher> logger)
    {
        bus = new BusPublisher<AlertEvent>(client, ServiceBusNames.BreachesTopic, EnvelopeOf);
        this.logger = logger;
    }

    public static MessageEnvelope EnvelopeOf(AlertEvent alertEvent)
    {
        ArgumentNullException.ThrowIfNull(alertEvent);
        var state = alertEvent.State == AlertState.Firing ? "firing" : "resolved";
        return new MessageEnvelope(
            alertEvent.EventId,
            alertEvent.Fingerprint,
            $"{state}: {alertEvent.RuleId} {alertEvent.Reporter}/{alertEvent.Commodity} {alertEvent.Period}",
            new Dictionary<string, object>
            {
                [MessageProperties.Severity] = alertEvent.Severity,
                [MessageProperties.Commodity] = alertEvent.Commodity,
                [MessageProperties.Reporter] = alertEvent.Reporter,
                [MessageProperties.State] = state,
                [MessageProperties.RuleId] = alertEvent.RuleId,
            });
    }

    public static ServiceBusMessage CreateMessage(AlertEvent alertEvent) => BusPublisher<AlertEvent>.CreateMessage(alertEvent, EnvelopeOf(alertEvent));

    /// <summary>
    /// Publishes the events of <paramref name="events"/> not yet in <paramref name="published"/> (a retry after an
    /// overlapping run stored first keeps the ids already sent), each naming its product's commodities so
    /// subscriptions by commodity id match; adds them to <paramref name="published"/> and returns them.
    /// </summary>
    public async Task<IReadOnlyList<AlertEvent>> PublishFreshAsync(
        IReadOnlyList<AlertEvent> events, List<AlertEvent> published, Func<string, IReadOnlyList<string>> commodityIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(published);
        ArgumentNullException.ThrowIfNull(commodityIds);
        var fresh = events
            .Where(e => published.TrueForAll(p => p.EventId != e.EventId))
            .Select(e => e with { CommodityIds = commodityIds(e.Commodity) })
            .ToList();
        if (fresh.Count > 0)
        {
            await PublishAsync(fresh, cancellationToken).ConfigureAwait(false);
            published.AddRange(fresh);
        }

        return fresh;
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

        var batches = await bus.PublishAsync(events, cancellationToken).ConfigureAwait(false);
        foreach (var e in events)
        {
            LogPublished(e.Fingerprint, e.EventId, e.State, e.RuleId, e.Commodity, e.Reporter, e.Period);
        }

        LogSent(events.Count, batches);
    }

    public ValueTask DisposeAsync() => bus.DisposeAsync();

    [LoggerMessage(Level = LogLevel.Information, Message = "Published alert event {EventId} ({State}) for {RuleId} on {Commodity}/{Reporter} {Period}; correlation {CorrelationId}")]
    private partial void LogPublished(string correlationId, string eventId, AlertState state, string ruleId, string commodity, string reporter, string period);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Sent {Count} alert events in {Batches} batches")]
    private partial void LogSent(int count, int batches);
}
