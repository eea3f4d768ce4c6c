using Alerts.Compute.Store;
using Alerts.Evaluate.Breaches;
using Alerts.Evaluate.Lifecycle;
using Alerts.Platform.Bus;
using Alerts.Platform.Storage;
using Alerts.Pull.Snapshots;
using Alerts.Pull.State;
using Alerts.Route.Grouping;
using Alerts.Route.Held;
using Alerts.Route.NotificationLog;
using Alerts.Route.Notifications;
using Alerts.Route.Outbox;
using Alerts.Route.Silences;
using Alerts.Route.Subscriptions;
using Azure;
using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alerts.Route.Routing;

/// <summary>
/// Drains <c>breaches/router</c>: matches each alert event to the subscriptions, holds muted ones (silences, mute
/// windows; <see cref="HeldNotifications"/>), drops already notified ones against the notification log, and publishes
/// one notification per subscription and group to <c>notifications</c>; then releases held alerts nothing mutes any
/// more. Each notification is written to the outbox (<see cref="NotificationOutbox"/>) before it is published and
/// removed once the log records it; pending outbox entries are finished (same id, log written) before anything else is
/// routed, so events whose log write failed are not regrouped under a new notification id.
/// </summary>
public sealed partial class RouteService(
    SubscriptionDrain drain,
    SubscriptionStore<Subscription> subscriptions,
    NotificationLogStore notificationLog,
    GroupHold groups,
    SilenceProvider silences,
    HeldNotifications held,
    NotificationOutbox outbox,
    IOptions<DrainOptions> drainOptions,
    TimeProvider time,
    ILogger<RouteService> logger)
{
    public async Task<DrainSummary> RunAsync(CancellationToken cancellationToken)
    {
        var all = new List<Subscription>();
        await foreach (var s in subscriptions.ListAllReadableAsync(Unreadable, cancellationToken))
        {
            // Unconfirmed and unsubscribed ones get nothing (and so have nothing in the notification log to repeat).
            if (s.Status == SubscriptionStatus.Active)
            {
                all.Add(s);
            }
        }

        // What an earlier run published (or meant to) but did not log goes first, under its id.
        await outbox.RecoverAsync(all, time.GetUtcNow(), cancellationToken);

        // Silences are read once per run; held alerts first, so a later event of a held alert waits behind it.
        var active = await silences.ActiveAsync(time.GetUtcNow(), cancellationToken);
        var heldAlerts = await held.HeldAlertsAsync(cancellationToken);
        var index = new SubscriptionIndex(all); // once per run: a batch then costs its events' candidates, not every subscription
        var pending = new PendingOutbox();
        var summary = await drain.DrainBatchesAsync<AlertEvent>(
            ServiceBusNames.BreachesTopic, ServiceBusNames.RouterSubscription, (items, ct) => RouteAsync(items, all, index, active, heldAlerts, pending, ct), drainOptions.Value, cancellationToken);
        var released = await held.ReleaseAsync(all, active, time.GetUtcNow(), cancellationToken);
        // Held groups whose wait or interval has passed go out now, whether or not anything arrived this run.
        var flushed = await groups.FlushDueAsync(all, time.GetUtcNow(), cancellationToken);
        LogRun(all.Count, summary.Received, summary.Completed, summary.Retried, summary.DeadLettered, released, flushed);
        return summary;
    }

    /// <summary>Routes the events of one received batch together, so events of one group become one notification.</summary>
    private async Task<IReadOnlyList<Settlement?>> RouteAsync(
        IReadOnlyList<(AlertEvent Body, ServiceBusReceivedMessage Message)> items,
        IReadOnlyList<Subscription> all,
        SubscriptionIndex index,
        IReadOnlyList<Silence> active,
        HashSet<(string SubscriptionId, string Fingerprint)> heldAlerts,
        PendingOutbox pending,
        CancellationToken cancellationToken)
    {
        if (pending.Left)
        {
            // An earlier batch of this run could not log what it published: finish that before routing on an old log.
            await outbox.RecoverAsync(all, time.GetUtcNow(), cancellationToken);
            pending.Left = false;
        }

        var events = items.Select(i => i.Body).ToList();
        var matched = index.Match(events);
        var matching = matched.Keys.ToList();
        var entries = new Dictionary<(string, string), Versioned<NotificationLogEntry>?>();
        foreach (var s in matching)
        {
            foreach (var key in matched[s].Select(e => GroupKeys.For(s.GroupBy, e)).Distinct(StringComparer.Ordinal))
            {
                entries[(s.Id, key)] = await notificationLog.GetAsync<NotificationLogEntry>(s.Id, key, cancellationToken);
            }
        }

        var now = time.GetUtcNow();
        var result = Router.Route(
            events, matching, active, [.. entries.Values.Where(v => v is not null).Select(v => v!.Value)], now, (s, f) => heldAlerts.Contains((s, f)));
        foreach (var decision in result.Decisions)
        {
            LogDecision(decision.SubscriptionId, decision.GroupKey, decision.Notify, decision.Reason, string.Join(",", decision.EventIds));
        }

        if (result.Held is { Count: > 0 } muted)
        {
            if (!await held.HoldAsync(muted, now, cancellationToken))
            {
                return [.. items.Select(_ => (Settlement?)Settlement.Retry())];
            }

            heldAlerts.UnionWith(muted.SelectMany(h => h.Events.Select(e => (h.SubscriptionId, e.Fingerprint))));
        }

        if (result.Notifications.Count > 0)
        {
            // Intent first: if anything below fails, the next pass hands these on under the same ids (Outbox/).
            await outbox.RecordAsync(result.Notifications, result.LogUpdates, now, cancellationToken);
            pending.Left = true; // until the log records them: a failure from here on is recovered before the next batch

            // Subscriptions with group timers or a digest hold theirs (Grouping/GroupHold); the others go out now.
            await groups.PublishOrHoldAsync(result.Notifications, matching, now, cancellationToken);
        }

        var settlement = Settlement.Complete;
        var logged = true;
        foreach (var update in result.LogUpdates)
        {
            var expected = entries.GetValueOrDefault((update.SubscriptionId, update.GroupKey))?.ETag;
            try
            {
                await notificationLog.SaveAsync(update.SubscriptionId, update.GroupKey, update, expected, cancellationToken);
            }
            catch (Exception e) when (e is StorageConflictException or RequestFailedException)
            {
                // Another router wrote this group's log meanwhile, or storage failed: the outbox entry stays, is merged
                // into the log before the next batch, and these events are routed again on that log.
                LogLogWriteFailed(e, update.SubscriptionId, update.GroupKey, e.GetType().Name);
                settlement = Settlement.Retry();
                logged = false;
            }
        }

        if (logged && result.Notifications.Count > 0)
        {
            await outbox.DoneAsync(result.Notifications, cancellationToken);
            pending.Left = false;
        }

        return [.. items.Select(_ => (Settlement?)settlement)];
    }

    /// <summary>Set when a batch left outbox entries its log write could not record: the next batch recovers them first.</summary>
    private sealed class PendingOutbox
    {
        public bool Left { get; set; }
    }

    /// <summary>A damaged row is reported (log and metric) and skipped; every other subscription is still routed.</summary>
    private void Unreadable(InvalidDataException error)
    {
        RouteTelemetry.RecordUnreadableSubscription();
        LogUnreadable(error, error.Message);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Subscription {SubscriptionId} group {GroupKey}: the notification log write failed ({Failure}); the outbox entry stays and is recorded before the next batch")]
    private partial void LogLogWriteFailed(Exception error, string subscriptionId, string groupKey, string failure);

    [LoggerMessage(Level = LogLevel.Error, Message = "Skipped an unreadable subscription row: {Problem}")]
    private partial void LogUnreadable(Exception error, string problem);

    [LoggerMessage(Level = LogLevel.Information, Message = "Routing run over {Subscriptions} subscriptions: {Received} events received, {Completed} completed, {Retried} retried, {DeadLettered} dead-lettered, {Released} held notifications released, {Flushed} held groups sent")]
    private partial void LogRun(int subscriptions, int received, int completed, int retried, int deadLettered, int released, int flushed);

    [LoggerMessage(Level = LogLevel.Information, Message = "Subscription {SubscriptionId} group {GroupKey}: notify {Notify} ({Reason}) for events {EventIds}")]
    private partial void LogDecision(string subscriptionId, string groupKey, bool notify, string reason, string eventIds);
}
