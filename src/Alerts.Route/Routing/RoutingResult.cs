using Alerts.Route.NotificationLog;
using Alerts.Route.Notifications;
using Alerts.Route.Silences;
using Alerts.Route.Subscriptions;

namespace Alerts.Route.Routing;

/// <summary>
/// Output of one routing pass: publish <see cref="Notifications"/> first, then write <see cref="LogUpdates"/>.
/// In that order a crash in between re-sends with the same deterministic ids, which duplicate detection drops.
/// <see cref="Held"/> are the events a silence or mute window kept back, to store before the batch is settled.
/// </summary>
public sealed record RoutingResult(
    IReadOnlyList<Notification> Notifications,
    IReadOnlyList<NotificationLogEntry> LogUpdates,
    IReadOnlyList<RoutingDecision> Decisions,
    IReadOnlyList<HeldEvents>? Held = null);
