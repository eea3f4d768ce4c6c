using Alerts.Core.Alerts;
using Alerts.Core.Routing;
using Alerts.Pipeline.Messaging;
using Alerts.Pipeline.Storage;
using Azure;
using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alerts.Pipeline.Routing;

/// <summary>
/// Drains <c>breaches/router</c>: matches each alert event to the subscriptions, drops silenced and already
/// notified ones against the notification log, and publishes one notification per subscription and group to
/// <c>notifications</c>. Notifications are published before the log is written (deterministic ids make a
/// re-publish after a crash a duplicate that Service Bus drops).
/// </summary>
public sealed partial class RouteService(
    SubscriptionDrain drain,
    SubscriptionStore<Subscription> subscriptions,
    NotificationLogStore notificationLog,
    NotificationPublisher notifications,
    SilenceProvider silences,
    IOptions<DrainOptions> drainOptions,
    TimeProvider time,
    ILogger<RouteService> logger)
{
    public async Task<DrainSummary> RunAsync(CancellationToken cancellationToken)
    {
        var all = new List<Subscription>();
        await foreach (var s in subscriptions.ListAllAsync(cancellationToken))
        {
            all.Add(s);
        }

        var summary = await drain.DrainAsync<AlertEvent>(
            ServiceBusNames.BreachesTopic, ServiceBusNames.RouterSubscription, (e, message, ct) => RouteAsync(e, all, ct), drainOptions.Value, cancellationToken);
        LogRun(all.Count, summary.Received, summary.Completed, summary.Retried, summary.DeadLettered);
        return summary;
    }

    private async Task<Settlement> RouteAsync(AlertEvent alertEvent, IReadOnlyList<Subscription> all, CancellationToken cancellationToken)
    {
        var matching = all.Where(s => SubscriptionMatcher.Matches(s, alertEvent)).ToList();
        var entries = new Dictionary<(string, string), Versioned<NotificationLogEntry>?>();
        foreach (var s in matching)
        {
            var key = GroupKeys.For(s.GroupBy, alertEvent);
            entries[(s.Id, key)] = await notificationLog.GetAsync<NotificationLogEntry>(s.Id, key, cancellationToken);
        }

        var result = Router.Route(
            [alertEvent], matching, silences.Current(), [.. entries.Values.Where(v => v is not null).Select(v => v!.Value)], time.GetUtcNow());
        foreach (var decision in result.Decisions)
        {
            LogDecision(alertEvent.Fingerprint, alertEvent.EventId, decision.SubscriptionId, decision.GroupKey, decision.Notify, decision.Reason);
        }

        if (result.Notifications.Count > 0)
        {
            await notifications.PublishAsync(result.Notifications, cancellationToken);
        }

        foreach (var update in result.LogUpdates)
        {
            var expected = entries.GetValueOrDefault((update.SubscriptionId, update.GroupKey))?.ETag;
            try
            {
                await notificationLog.SaveAsync(update.SubscriptionId, update.GroupKey, update, expected, cancellationToken);
            }
            catch (StorageConflictException)
            {
                // Another router wrote this group's log meanwhile: route the event again on the new log.
                return Settlement.Retry();
            }
        }

        return Settlement.Complete;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Routing run over {Subscriptions} subscriptions: {Received} events received, {Completed} completed, {Retried} retried, {DeadLettered} dead-lettered")]
    private partial void LogRun(int subscriptions, int received, int completed, int retried, int deadLettered);

    [LoggerMessage(Level = LogLevel.Information, Message = "Alert {Fingerprint} event {EventId} -> subscription {SubscriptionId} group {GroupKey}: notify {Notify} ({Reason})")]
    private partial void LogDecision(string fingerprint, string eventId, string subscriptionId, string groupKey, bool notify, string reason);
}
