using Alerts.Platform.Storage;
using Alerts.Route.Grouping;
using Alerts.Route.NotificationLog;
using Alerts.Route.Notifications;
using Alerts.Route.Subscriptions;
using Microsoft.Extensions.Logging;

namespace Alerts.Route.Outbox;

/// <summary>
/// Gives each routed notification one identity for good: the router writes it here (<see cref="RecordAsync"/>) before
/// it is published, and deletes it (<see cref="DoneAsync"/>) once the notification log records it. If publishing or the
/// log write fails in between, <see cref="RecoverAsync"/> (at the start of the next routing run, and before the next
/// batch of a run that saw the failure) hands the same notification on again - same id, so Service Bus duplicate
/// detection, the group timers and the delivery history recognise it - and writes its log entries; only then are the
/// redelivered events routed, and the log tells the router they were notified, so they are not regrouped under a new id.
/// </summary>
public sealed partial class NotificationOutbox(OutboxStore store, NotificationLogStore log, GroupHold groups, ILogger<NotificationOutbox> logger)
{
    /// <summary>Writes the intended notifications with the log entries that record them (before anything is published).</summary>
    public async Task RecordAsync(IReadOnlyList<Notification> notifications, IReadOnlyList<NotificationLogEntry> updates, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notifications);
        ArgumentNullException.ThrowIfNull(updates);
        foreach (var n in notifications)
        {
            var mine = updates.Where(u => string.Equals(u.LastNotificationId, n.NotificationId, StringComparison.Ordinal) && u.SubscriptionId == n.SubscriptionId).ToList();
            await store.WriteAsync(new OutboxEntry(n, mine, now), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The notifications are published and logged: their entries go.</summary>
    public async Task DoneAsync(IReadOnlyList<Notification> notifications, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notifications);
        foreach (var n in notifications)
        {
            await store.DeleteAsync(n.NotificationId, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Finishes every pending entry: the notification handed on again under its id (published, or taken into its group
    /// or digest once), its log entries merged into the stored ones, the entry deleted. Entries of subscriptions that
    /// are no longer active are dropped, as routing would drop them. A storage failure is thrown: nothing may be routed
    /// until the pending notifications are in the log.
    /// </summary>
    /// <returns>How many entries were finished.</returns>
    public async Task<int> RecoverAsync(IReadOnlyList<Subscription> active, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(active);
        var byId = active.ToDictionary(s => s.Id, StringComparer.Ordinal);
        var finished = 0;
        await foreach (var entry in store.ListAsync(cancellationToken).ConfigureAwait(false))
        {
            var n = entry.Notification;
            if (byId.TryGetValue(n.SubscriptionId, out var subscription))
            {
                await groups.PublishOrHoldAsync([n], [subscription], now, cancellationToken).ConfigureAwait(false);
                foreach (var update in entry.LogUpdates)
                {
                    await OptimisticUpdate.RunAsync<NotificationLogEntry, bool>(
                        c => log.GetAsync<NotificationLogEntry>(update.SubscriptionId, update.GroupKey, c),
                        current => new(Merge(current, update), true),
                        (next, etag, c) => log.SaveAsync(next.SubscriptionId, next.GroupKey, next, etag, c),
                        cancellationToken).ConfigureAwait(false);
                }
            }

            await store.DeleteAsync(n.NotificationId, cancellationToken).ConfigureAwait(false);
            LogRecovered(NotificationPublisher.CorrelationIdOf(n), n.NotificationId, n.SubscriptionId, subscription is not null);
            finished++;
        }

        return finished;
    }

    /// <summary>
    /// The stored entry with what <paramref name="update"/> told: per alert the later of the two notified states; the
    /// entry's last send is the later one. Merging an update already stored changes nothing.
    /// </summary>
    public static NotificationLogEntry Merge(NotificationLogEntry? current, NotificationLogEntry update)
    {
        ArgumentNullException.ThrowIfNull(update);
        if (current is null)
        {
            return update;
        }

        var alerts = new SortedDictionary<string, NotifiedAlert>(StringComparer.Ordinal);
        foreach (var a in current.Alerts)
        {
            alerts[a.Fingerprint] = a;
        }

        foreach (var a in update.Alerts)
        {
            if (!alerts.TryGetValue(a.Fingerprint, out var told) || a.NotifiedAt > told.NotifiedAt)
            {
                alerts[a.Fingerprint] = a;
            }
        }

        var updateIsLater = update.LastSentAt > current.LastSentAt;
        return current with
        {
            Alerts = [.. alerts.Values],
            LastSentAt = updateIsLater ? update.LastSentAt : current.LastSentAt,
            LastNotificationId = updateIsLater ? update.LastNotificationId : current.LastNotificationId,
        };
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox: notification {NotificationId} of subscription {SubscriptionId} was not logged by the run that published it; handed on again under the same id and logged (subscription active: {Active}); correlation {CorrelationId}")]
    private partial void LogRecovered(string correlationId, string notificationId, string subscriptionId, bool active);
}
