using Alerts.Evaluate.Lifecycle;
using Alerts.Platform.Storage;
using Alerts.Route.NotificationLog;
using Alerts.Route.Notifications;
using Alerts.Route.Routing;
using Alerts.Route.Silences;
using Microsoft.Extensions.Logging;

namespace Alerts.Route.Subscriptions;

/// <summary>
/// When a subscription becomes active, the alerts firing now that it matches are sent to it once, as one notification
/// (reason <see cref="NotificationReasons.CurrentAlerts"/>). The router decides as for any events (silences, the
/// notification log, grouping), and the log of each group is written with what was sent, so the router does not send
/// those alerts again; alerts the log already holds (a re-confirmation) are not sent twice.
/// </summary>
public sealed partial class CurrentAlertsSender(
    FiringAlerts firing,
    NotificationLogStore notificationLog,
    NotificationPublisher publisher,
    SilenceProvider silences,
    TimeProvider time,
    ILogger<CurrentAlertsSender> logger)
{
    /// <summary>Sends the current alerts to an active subscription; returns the notification, or null when there was nothing to send.</summary>
    public async Task<Notification?> SendAsync(Subscription subscription, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        if (subscription.Status != SubscriptionStatus.Active)
        {
            return null;
        }

        var events = await firing.MatchingAsync(subscription.Filter, cancellationToken);
        if (events.Count == 0)
        {
            return null;
        }

        var entries = new Dictionary<string, Versioned<NotificationLogEntry>?>(StringComparer.Ordinal);
        foreach (var key in events.Select(e => GroupKeys.For(subscription.GroupBy, e)).Distinct(StringComparer.Ordinal))
        {
            entries[key] = await notificationLog.GetAsync<NotificationLogEntry>(subscription.Id, key, cancellationToken);
        }

        var now = time.GetUtcNow();
        var active = await silences.ActiveAsync(now, cancellationToken);
        var result = Router.Route(events, [subscription], active, [.. entries.Values.Where(v => v is not null).Select(v => v!.Value)], now);
        if (result.Notifications.Count == 0)
        {
            return null;
        }

        // One notification for every group: the new subscriber gets one message, not one per group.
        var sent = result.Notifications.SelectMany(n => n.Events).ToList();
        var id = NotificationIds.For(subscription.Id, sent.Select(e => e.EventId));
        var notification = new Notification(
            id, subscription.Id, subscription.Channel, subscription.Target, "current-alerts", NotificationReasons.CurrentAlerts, sent, subscription.Name);
        await publisher.PublishAsync([notification], cancellationToken);
        foreach (var update in result.LogUpdates)
        {
            try
            {
                await notificationLog.SaveAsync(subscription.Id, update.GroupKey, update with { LastNotificationId = id }, entries[update.GroupKey]?.ETag, cancellationToken);
            }
            catch (StorageConflictException)
            {
                // The router routed an event of this group meanwhile and logged it: its entry stands.
                LogGroupRoutedMeanwhile(subscription.Id, update.GroupKey);
            }
        }

        LogSent(subscription.Id, id, sent.Count);
        return notification;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Subscription {SubscriptionId} became active: notification {NotificationId} carries the {Count} alerts firing now")]
    private partial void LogSent(string subscriptionId, string notificationId, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Subscription {SubscriptionId} group {GroupKey} was routed meanwhile; its notification log entry stands")]
    private partial void LogGroupRoutedMeanwhile(string subscriptionId, string groupKey);
}
