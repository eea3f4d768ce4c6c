using Alerts.Platform.Storage;
using Alerts.Route.Grouping;
using Alerts.Route.NotificationLog;
using Alerts.Route.Notifications;
using Alerts.Route.Routing;
using Alerts.Route.Silences;
using Alerts.Route.Subscriptions;
using Microsoft.Extensions.Logging;

namespace Alerts.Route.Held;

/// <summary>
/// Keeps the events a silence or mute window holds (<see cref="HoldAsync"/>) and, each routing run, releases a
/// subscription's held alerts once nothing mutes them (<see cref="ReleaseAsync"/>): one notification handed to the
/// subscription's timing (<see cref="GroupHold"/>: sent now, or held by its group timers or for its digest), then the
/// notification log written, then the released rows deleted, so a crash in between re-publishes the same deterministic
/// notification id (dropped as a duplicate) or finds the log already told.
/// </summary>
public sealed partial class HeldNotifications(
    HeldNotificationStore store,
    NotificationLogStore notificationLog,
    GroupHold groups,
    ILogger<HeldNotifications> logger)
{
    /// <summary>(subscription id, alert fingerprint) of every held alert: later events of those alerts queue behind them.</summary>
    public async Task<HashSet<(string SubscriptionId, string Fingerprint)>> HeldAlertsAsync(CancellationToken cancellationToken)
    {
        var held = new HashSet<(string, string)>();
        await foreach (var h in store.ListAllAsync(cancellationToken).ConfigureAwait(false))
        {
            held.Add((h.Value.SubscriptionId, h.Value.Event.Fingerprint));
        }

        return held;
    }

    /// <summary>Adds a routing pass's held events to their alerts' holds; false when another run changed one meanwhile (route the batch again).</summary>
    public async Task<bool> HoldAsync(IReadOnlyList<HeldEvents> held, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(held);
        foreach (var h in held)
        {
            foreach (var e in h.Events)
            {
                var current = await store.GetAsync(h.SubscriptionId, e.Fingerprint, cancellationToken).ConfigureAwait(false);
                var merged = HeldRelease.Merge(current?.Value, h.SubscriptionId, e, h.Reason, now, h.Detail);
                try
                {
                    await store.SaveAsync(merged, current?.ETag, cancellationToken).ConfigureAwait(false);
                }
                catch (StorageConflictException)
                {
                    return false;
                }

                LogHeld(h.SubscriptionId, e.EventId, e.Fingerprint, h.Reason);
            }
        }

        return true;
    }

    /// <summary>
    /// Releases what nothing mutes any more at <paramref name="now"/>, per active subscription in one notification; held
    /// alerts of subscriptions that are no longer active (deleted, unsubscribed, pending a new verification) are dropped.
    /// Returns how many notifications were published.
    /// </summary>
    public async Task<int> ReleaseAsync(IReadOnlyList<Subscription> active, IReadOnlyList<Silence> silences, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(active);
        var byId = active.ToDictionary(s => s.Id, StringComparer.Ordinal);
        var rows = new List<Versioned<HeldAlert>>();
        await foreach (var h in store.ListAllAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(h);
        }

        var published = 0;
        foreach (var rowsOfOne in rows.GroupBy(r => r.Value.SubscriptionId, StringComparer.Ordinal))
        {
            if (!byId.TryGetValue(rowsOfOne.Key, out var subscription))
            {
                await DeleteAsync(rowsOfOne, cancellationToken).ConfigureAwait(false);
                continue;
            }

            var free = rowsOfOne.Where(r => HeldRelease.IsFree(r.Value, subscription, silences, now)).ToList();
            if (free.Count > 0 && await ReleaseAsync(subscription, free, now, cancellationToken).ConfigureAwait(false))
            {
                published++;
            }
        }

        return published;
    }

    private async Task<bool> ReleaseAsync(Subscription subscription, List<Versioned<HeldAlert>> free, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var entries = new Dictionary<string, Versioned<NotificationLogEntry>?>(StringComparer.Ordinal);
        foreach (var key in free.Select(h => GroupKeys.For(subscription.GroupBy, h.Value.Event)).Distinct(StringComparer.Ordinal))
        {
            entries[key] = await notificationLog.GetAsync<NotificationLogEntry>(subscription.Id, key, cancellationToken).ConfigureAwait(false);
        }

        var plan = HeldRelease.Plan(subscription, [.. free.Select(h => h.Value)], [.. entries.Values.Where(v => v is not null).Select(v => v!.Value)], now);
        foreach (var d in plan.Decisions)
        {
            LogReleased(d.SubscriptionId, d.GroupKey, d.Notify, d.Reason, string.Join(",", d.EventIds));
        }

        if (plan.Notifications.Count > 0)
        {
            // A digest subscription's release waits for its digest, one with group timers for them: the release is news like any other.
            await groups.PublishOrHoldAsync(plan.Notifications, [subscription], now, cancellationToken).ConfigureAwait(false);
        }

        foreach (var update in plan.LogUpdates)
        {
            try
            {
                await notificationLog.SaveAsync(update.SubscriptionId, update.GroupKey, update, entries.GetValueOrDefault(update.GroupKey)?.ETag, cancellationToken).ConfigureAwait(false);
            }
            catch (StorageConflictException)
            {
                // A routing run wrote the group's log meanwhile: keep the holds, the next run plans again on the new log.
                return plan.Notifications.Count > 0;
            }
        }

        await DeleteAsync(free, cancellationToken).ConfigureAwait(false);
        return plan.Notifications.Count > 0;
    }

    private async Task DeleteAsync(IEnumerable<Versioned<HeldAlert>> rows, CancellationToken cancellationToken)
    {
        foreach (var r in rows)
        {
            // A row changed since it was read holds a newer event: it stays for the next run.
            await store.DeleteAsync(r.Value, r.ETag, cancellationToken).ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Subscription {SubscriptionId}: event {EventId} of alert {CorrelationId} held ({Reason})")]
    private partial void LogHeld(string subscriptionId, string eventId, string correlationId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Subscription {SubscriptionId} group {GroupKey}: held alerts released, notify {Notify} ({Reason}) for events {EventIds}")]
    private partial void LogReleased(string subscriptionId, string groupKey, bool notify, string reason, string eventIds);
}
