using Alerts.Evaluate.Lifecycle;
using Alerts.Route.Notifications;

namespace Alerts.Route.Grouping;

/// <summary>
/// The timer state of one subscription and group (Alertmanager's aggregation group), a row of <c>notificationgroups</c>:
/// events decided worth sending but held until <see cref="DueAt"/>, and when the group last went out. A digest
/// subscription keeps one such row, group <see cref="DigestKey"/>, whose events wait for the digest timer.
/// </summary>
/// <param name="Reason">The strongest reason among the held notifications (<see cref="Routing.NotificationReasons"/>).</param>
/// <param name="DueAt">When the held events go out; null when nothing is held (or for a digest, which its schedule times).</param>
/// <param name="LastSentAt">When the group last went out (the group interval counts from it).</param>
/// <param name="Held">Set when some held event was itself released from a silence or mute window: said when it goes out.</param>
/// <param name="Absorbed">The ids of the last notifications taken in (at most <see cref="AbsorbedKept"/>): one handed
/// over again after a crash (<see cref="Outbox.NotificationOutbox"/>) is not taken in twice.</param>
public sealed record HeldGroup(
    string SubscriptionId,
    string GroupKey,
    IReadOnlyList<AlertEvent> Events,
    string? Reason,
    DateTimeOffset? DueAt,
    DateTimeOffset? LastSentAt,
    HeldNote? Held = null,
    IReadOnlyList<string>? Absorbed = null)
{
    /// <summary>How many taken-in notification ids a group remembers.</summary>
    public const int AbsorbedKept = 32;

    /// <summary>The group of a digest subscription: everything it is told waits in one row.</summary>
    public const string DigestKey = "digest";
}
