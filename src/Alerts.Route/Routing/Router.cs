using Alerts.Evaluate.Lifecycle;
using Alerts.Route.NotificationLog;
using Alerts.Route.Notifications;
using Alerts.Route.Silences;
using Alerts.Route.Subscriptions;

namespace Alerts.Route.Routing;

/// <summary>
/// One routing pass: match events to subscriptions, group them, hold muted events (silences, mute windows), dedup
/// against the notification log and produce the notifications to publish. Pure: same inputs, same output.
/// </summary>
public static class Router
{
    public static RoutingResult Route(
        IReadOnlyList<AlertEvent> events,
        IReadOnlyList<Subscription> subscriptions,
        IReadOnlyList<Silence> silences,
        IReadOnlyCollection<NotificationLogEntry> log,
        DateTimeOffset now,
        Func<string, string, bool>? isHeld = null)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(subscriptions);
        ArgumentNullException.ThrowIfNull(silences);
        ArgumentNullException.ThrowIfNull(log);

        var entries = new Dictionary<(string, string), NotificationLogEntry>();
        foreach (var e in log)
        {
            entries[(e.SubscriptionId, e.GroupKey)] = e;
        }

        var active = silences.Where(s => s.IsActiveAt(now)).ToList();
        var unique = events.DistinctBy(e => e.EventId, StringComparer.Ordinal).ToList();
        var notifications = new List<Notification>();
        var updates = new List<NotificationLogEntry>();
        var decisions = new List<RoutingDecision>();
        var held = new List<HeldEvents>();

        // Indexed by filter commodities: the cost follows the matches, not subscriptions x events.
        var matched = SubscriptionIndex.Match(subscriptions, unique);
        foreach (var subscription in subscriptions.Where(matched.ContainsKey).OrderBy(s => s.Id, StringComparer.Ordinal))
        {
            var groups = matched[subscription]
                .GroupBy(e => GroupKeys.For(subscription.GroupBy, e), StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal);

            foreach (var group in groups)
            {
                var groupEvents = group.ToList();
                var eventIds = groupEvents.Select(e => e.EventId).Order(StringComparer.Ordinal).ToList();
                var (audible, muted, why, detail) = Mute(groupEvents, subscription, active, now, isHeld);
                if (muted.Count > 0)
                {
                    held.Add(new HeldEvents(subscription.Id, muted, why, detail));
                }

                if (audible.Count == 0)
                {
                    decisions.Add(new RoutingDecision(subscription.Id, group.Key, false, why, eventIds, null));
                    continue;
                }

                var entry = entries.GetValueOrDefault((subscription.Id, group.Key));
                var decision = NotificationPolicy.Decide(entry, audible, now, subscription.RepeatInterval);
                if (!decision.Notify)
                {
                    decisions.Add(new RoutingDecision(subscription.Id, group.Key, false, decision.Reason, eventIds, null));
                    continue;
                }

                var id = NotificationIds.For(subscription.Id, decision.Events.Select(e => e.EventId));
                notifications.Add(new Notification(
                    id, subscription.Id, subscription.Channel, subscription.Target, group.Key, decision.Reason, decision.Events, subscription.Name));
                updates.Add(NotificationPolicy.Record(entry, subscription.Id, group.Key, id, decision.Events, now));
                decisions.Add(new RoutingDecision(subscription.Id, group.Key, true, decision.Reason, eventIds, id));
            }
        }

        return new RoutingResult(notifications, updates, decisions, held);
    }

    /// <summary>
    /// Splits a group into what may be told now and what is held: everything while a mute window of the subscription
    /// covers <paramref name="now"/>, else the events an active silence mutes, those of inhibited alerts, and those of alerts already held (so an
    /// alert's events are told in order, and one that fires and resolves while held is never told).
    /// </summary>
    private static (List<AlertEvent> Audible, List<AlertEvent> Muted, string Reason, string? Detail) Mute(
        List<AlertEvent> events, Subscription subscription, List<Silence> active, DateTimeOffset now, Func<string, string, bool>? isHeld)
    {
        if (MuteWindow.Covering(subscription.MuteWindows, now) is { } window)
        {
            return ([], events, NotificationReasons.MuteWindow, window.Describe());
        }

        var audible = new List<AlertEvent>();
        var muted = new List<AlertEvent>();
        var reason = NotificationReasons.Held;
        var silences = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var e in events)
        {
            if (active.Where(s => s.Mutes(e, subscription, now)).Select(s => s.Id).ToList() is { Count: > 0 } by)
            {
                muted.Add(e);
                reason = NotificationReasons.Silenced;
                silences.UnionWith(by);
            }
            else if (AlertEvent.IsInhibited(e))
            {
                muted.Add(e);
                reason = NotificationReasons.Inhibited;
            }
            else if (isHeld?.Invoke(subscription.Id, e.Fingerprint) == true)
            {
                muted.Add(e);
            }
            else
            {
                audible.Add(e);
            }
        }

        return (audible, muted, reason, silences.Count > 0 ? "silence " + string.Join(", ", silences) : null);
    }
}
