using Alerts.Evaluate.Lifecycle;
using Alerts.Route.Notifications;
using Alerts.Route.Routing;

namespace Alerts.Route.Grouping;

/// <summary>
/// Whether a notification the router decided on goes out now or waits (pure). The first of a group waits the group
/// wait; after a send, the next waits until the group interval has passed since it; while events are held, new ones
/// join them and keep their due time. A digest subscription always holds (its timer sends).
/// </summary>
public static class GroupTimer
{
    /// <summary>Reasons by strength: what a merged notification says when several were held.</summary>
    private static readonly string[] Strength =
        [NotificationReasons.RepeatIntervalElapsed, NotificationReasons.Resolved, NotificationReasons.NewAlertsInGroup, NotificationReasons.First];

    /// <returns>The group's next state, and the notification to publish now (null while held).</returns>
    public static (HeldGroup State, Notification? Send) Apply(HeldGroup? state, Notification notification, NotificationTiming timing, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(notification);
        ArgumentNullException.ThrowIfNull(timing);
        if (state?.Absorbed?.Contains(notification.NotificationId, StringComparer.Ordinal) == true)
        {
            return (state, null); // handed over again (the outbox re-dispatching after a crash): it is in already
        }

        var held = state?.Events ?? [];
        var merged = Merge(held, notification.Events);
        var reason = Stronger(state?.Reason, notification.Reason);
        var note = HeldNote.Earlier(state?.Held, notification.Held);
        var absorbed = Remember(state?.Absorbed, notification.NotificationId);
        if (timing.IsDigest)
        {
            return (new HeldGroup(notification.SubscriptionId, HeldGroup.DigestKey, merged, reason, null, state?.LastSentAt, note, absorbed), null);
        }

        var due = state?.DueAt
            ?? (state?.LastSentAt is { } last ? Later(now, last + timing.GroupInterval) : now + timing.GroupWait);
        if (due > now)
        {
            return (new HeldGroup(notification.SubscriptionId, notification.GroupKey, merged, reason, due, state?.LastSentAt, note, absorbed), null);
        }

        return (new HeldGroup(notification.SubscriptionId, notification.GroupKey, [], null, null, now, null, absorbed), Release(notification with { Held = note }, merged, reason!));
    }

    /// <summary>A held group whose time has come: the notification of its events, and the group emptied.</summary>
    public static (HeldGroup State, Notification Send) Flush(HeldGroup state, Notification template, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(template);
        return (
            state with { Events = [], Reason = null, DueAt = null, LastSentAt = now, Held = null },
            Release(template with { Held = HeldNote.Earlier(state.Held, template.Held) }, state.Events, state.Reason ?? template.Reason));
    }

    // The ids of the last notifications a group took in, so one handed over twice is taken in once.
    private static IReadOnlyList<string> Remember(IReadOnlyList<string>? absorbed, string id) =>
        [.. (absorbed ?? []).Where(a => !string.Equals(a, id, StringComparison.Ordinal)).TakeLast(HeldGroup.AbsorbedKept - 1), id];

    // The notification as sent: every held event (the latest per alert), its id over them all.
    private static Notification Release(Notification n, IReadOnlyList<AlertEvent> events, string reason) =>
        n with { NotificationId = NotificationIds.For(n.SubscriptionId, events.Select(e => e.EventId)), Events = events, Reason = reason };

    /// <summary>The latest event per alert of both lists, in the router's order.</summary>
    public static IReadOnlyList<AlertEvent> Merge(IReadOnlyList<AlertEvent> held, IReadOnlyList<AlertEvent> fresh) =>
        NotificationPolicy.LatestPerAlert(held.Concat(fresh));

    private static string? Stronger(string? a, string b) =>
        a is null || Array.IndexOf(Strength, b) > Array.IndexOf(Strength, a) ? b : a;

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
