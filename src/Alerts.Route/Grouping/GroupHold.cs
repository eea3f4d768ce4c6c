using Alerts.Platform.Storage;
using Alerts.Route.Notifications;
using Alerts.Route.Subscriptions;
using Microsoft.Extensions.Logging;

namespace Alerts.Route.Grouping;

/// <summary>
/// Between the router and the <c>notifications</c> topic: notifications of subscriptions with group timers or a digest
/// are held in <see cref="HeldGroupStore"/> (<see cref="GroupTimer"/> decides), the others published at once; each
/// routing run then sends the held groups that are due. A held group is published before its row is emptied, under an
/// id derived from its events, so a crash in between re-publishes a duplicate the bus drops.
/// </summary>
public sealed partial class GroupHold(HeldGroupStore store, NotificationPublisher publisher, ILogger<GroupHold> logger)
{
    /// <summary>Publishes <paramref name="notifications"/> now or holds them, per their subscription's timing.</summary>
    public async Task PublishOrHoldAsync(IReadOnlyList<Notification> notifications, IReadOnlyList<Subscription> subscriptions, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notifications);
        ArgumentNullException.ThrowIfNull(subscriptions);
        var timings = subscriptions.ToDictionary(s => s.Id, s => s.Timing, StringComparer.Ordinal);
        var direct = new List<Notification>();
        foreach (var n in notifications)
        {
            if (timings.GetValueOrDefault(n.SubscriptionId) is not { } timing || timing == NotificationTiming.Immediate)
            {
                direct.Add(n);
                continue;
            }

            var key = timing.IsDigest ? HeldGroup.DigestKey : n.GroupKey;
            await OptimisticUpdate.RunAsync<HeldGroup, Notification?>(
                c => store.GetAsync(n.SubscriptionId, key, c),
                current =>
                {
                    var (next, send) = GroupTimer.Apply(current, n, timing, now);
                    return new(next, send);
                },
                (next, etag, c) => store.SaveAsync(next, etag, c),
                cancellationToken,
                async (send, c) =>
                {
                    if (send is not null)
                    {
                        await publisher.PublishAsync([send], c).ConfigureAwait(false);
                    }
                    else
                    {
                        LogHeld(n.SubscriptionId, key, n.Events.Count);
                    }
                }).ConfigureAwait(false);
        }

        if (direct.Count > 0)
        {
            await publisher.PublishAsync(direct, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Sends every held group that is due (not digests: the digest timer sends those).</summary>
    /// <returns>How many notifications went out.</returns>
    public async Task<int> FlushDueAsync(IReadOnlyList<Subscription> subscriptions, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscriptions);
        var active = subscriptions.ToDictionary(s => s.Id, StringComparer.Ordinal);
        var sent = 0;
        await foreach (var due in store.ListDueAsync(now, cancellationToken).ConfigureAwait(false))
        {
            var group = due.Value;
            if (!active.TryGetValue(group.SubscriptionId, out var s))
            {
                // Deleted, paused by its owner's choice or unconfirmed since: its held events are dropped, as routing would.
                await TrySaveAsync(group with { Events = [], Reason = null, DueAt = null }, due, cancellationToken).ConfigureAwait(false);
                continue;
            }

            var template = new Notification(string.Empty, s.Id, s.Channel, s.Target, group.GroupKey, group.Reason ?? string.Empty, [], s.Name);
            var (next, send) = GroupTimer.Flush(group, template, now);
            await publisher.PublishAsync([send], cancellationToken).ConfigureAwait(false);
            await TrySaveAsync(next, due, cancellationToken).ConfigureAwait(false);
            LogFlushed(s.Id, group.GroupKey, send.Events.Count, send.Reason);
            sent++;
        }

        return sent;
    }

    // A conflict means another run flushed or added to the group meanwhile: the next run sees its row.
    private async Task TrySaveAsync(HeldGroup next, Versioned<HeldGroup> read, CancellationToken cancellationToken)
    {
        try
        {
            await store.SaveAsync(next, read.ETag, cancellationToken).ConfigureAwait(false);
        }
        catch (StorageConflictException)
        {
            LogFlushConflict(next.SubscriptionId, next.GroupKey);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Subscription {SubscriptionId} group {GroupKey}: {EventCount} events held by the group timers")]
    private partial void LogHeld(string subscriptionId, string groupKey, int eventCount);

    [LoggerMessage(Level = LogLevel.Information, Message = "Subscription {SubscriptionId} group {GroupKey}: {EventCount} held events sent ({Reason})")]
    private partial void LogFlushed(string subscriptionId, string groupKey, int eventCount, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Subscription {SubscriptionId} group {GroupKey}: changed by another run while being sent; it settles on the next run")]
    private partial void LogFlushConflict(string subscriptionId, string groupKey);
}
