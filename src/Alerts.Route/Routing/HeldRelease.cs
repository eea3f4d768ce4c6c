using Alerts.Evaluate.Lifecycle;
using Alerts.Route.Held;
using Alerts.Route.NotificationLog;
using Alerts.Route.Notifications;
using Alerts.Route.Silences;
using Alerts.Route.Subscriptions;

namespace Alerts.Route.Routing;

/// <summary>
/// What happens to held alerts: an event joins its alert's hold, and when nothing mutes a subscription's held alerts any
/// more they are told in one notification (through the notification policy, so a repeat inside the repeat interval
/// stays quiet, a resolve of an alert told firing is sent, and an alert that fired and resolved while held is not).
/// Pure: same inputs, same output.
/// </summary>
public static class HeldRelease
{
    /// <summary>The alert's hold after <paramref name="e"/> joins it (<paramref name="current"/> null: a new hold).</summary>
    public static HeldAlert Merge(HeldAlert? current, string subscriptionId, AlertEvent e, string reason, DateTimeOffset now, string? detail = null)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (current is null)
        {
            return new HeldAlert(subscriptionId, e, e.State == AlertState.Firing, now, reason, detail);
        }

        var newer = (e.OccurredAt, e.EventId).CompareTo((current.Event.OccurredAt, current.Event.EventId)) > 0 ? e : current.Event;
        return current with { Event = newer, FiredWhileHeld = current.FiredWhileHeld || e.State == AlertState.Firing };
    }

    /// <summary>True when the held alert may be told now: no mute window of the subscription and no active silence covers it,
    /// and its latest event is not inhibited (evaluation publishes an uninhibited event when the inhibition ends).</summary>
    public static bool IsFree(HeldAlert held, Subscription subscription, IReadOnlyList<Silence> silences, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(held);
        ArgumentNullException.ThrowIfNull(silences);
        return !MuteWindow.AnyCovers(subscription.MuteWindows, now) && !silences.Any(s => s.Mutes(held.Event, subscription, now)) && !AlertEvent.IsInhibited(held.Event);
    }

    /// <summary>
    /// The release of a subscription's <paramref name="free"/> held alerts: at most one notification (every group's news
    /// together) and the notification log entries it updates. <paramref name="log"/> holds the subscription's entries for
    /// the groups the alerts fall in.
    /// </summary>
    public static RoutingResult Plan(Subscription subscription, IReadOnlyList<HeldAlert> free, IReadOnlyCollection<NotificationLogEntry> log, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        ArgumentNullException.ThrowIfNull(free);
        ArgumentNullException.ThrowIfNull(log);
        var entries = log.Where(e => e.SubscriptionId == subscription.Id).ToDictionary(e => e.GroupKey, StringComparer.Ordinal);
        var decisions = new List<RoutingDecision>();
        var sends = new List<(string Key, NotificationLogEntry? Entry, NotificationDecision Decision)>();
        var groups = free
            .Where(h => SubscriptionMatcher.Matches(subscription, h.Event)) // its filter may have changed while they were held
            .GroupBy(h => GroupKeys.For(subscription.GroupBy, h.Event), StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal);
        foreach (var group in groups)
        {
            var entry = entries.GetValueOrDefault(group.Key);
            var tell = group.Where(h => !FiredAndResolvedUntold(h, entry)).Select(h => h.Event).ToList();
            var ids = group.Select(h => h.Event.EventId).Order(StringComparer.Ordinal).ToList();
            var decision = tell.Count == 0
                ? NotificationDecision.Skip(NotificationReasons.AlreadyNotified)
                : NotificationPolicy.Decide(entry, tell, now, subscription.RepeatInterval);
            if (decision.Notify)
            {
                sends.Add((group.Key, entry, decision));
            }
            else
            {
                decisions.Add(new RoutingDecision(subscription.Id, group.Key, false, decision.Reason, ids, null));
            }
        }

        if (sends.Count == 0)
        {
            return new RoutingResult([], [], decisions);
        }

        var events = NotificationPolicy.LatestPerAlert(sends.SelectMany(s => s.Decision.Events));
        var id = NotificationIds.For(subscription.Id, events.Select(e => e.EventId));
        var key = sends.Count == 1 ? sends[0].Key : "released";
        var reason = Strongest(sends.Select(s => s.Decision.Reason));
        var notification = new Notification(id, subscription.Id, subscription.Channel, subscription.Target, key, reason, events, subscription.Name, Held: NoteOf([.. free.Where(h => events.Exists(e => e.EventId == h.Event.EventId))]));
        var updates = sends.Select(s => NotificationPolicy.Record(s.Entry, subscription.Id, s.Key, id, s.Decision.Events, now)).ToList();
        decisions.AddRange(sends.Select(s => new RoutingDecision(subscription.Id, s.Key, true, s.Decision.Reason, [.. s.Decision.Events.Select(e => e.EventId)], id)));
        return new RoutingResult([notification], updates, decisions);
    }

    /// <summary>Says the notification was held: since the earliest hold, by whatever held its alerts.</summary>
    public static HeldNote? NoteOf(IReadOnlyList<HeldAlert> held)
    {
        ArgumentNullException.ThrowIfNull(held);
        if (held.Count == 0)
        {
            return null;
        }

        var first = held.MinBy(h => h.HeldSince)!;
        var details = held.OrderBy(h => h.HeldSince).Select(h => h.Detail).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        return new HeldNote(first.Reason, first.HeldSince, details.Count > 0 ? string.Join("; ", details) : first.Reason);
    }

    // Fired and resolved while held, and the group was never told it firing: nothing happened as far as it knows.
    private static bool FiredAndResolvedUntold(HeldAlert held, NotificationLogEntry? entry) =>
        held.Event.State == AlertState.Resolved
        && held.FiredWhileHeld
        && entry?.Alerts.Where(a => a.Fingerprint == held.Event.Fingerprint).MaxBy(a => a.NotifiedAt)?.State != AlertState.Firing;

    // One notification tells several groups' news: name it by the most telling reason.
    private static string Strongest(IEnumerable<string> reasons)
    {
        string[] order = [NotificationReasons.First, NotificationReasons.NewAlertsInGroup, NotificationReasons.Resolved, NotificationReasons.RepeatIntervalElapsed];
        var all = reasons.ToList();
        return order.FirstOrDefault(all.Contains) ?? all[0];
    }
}
