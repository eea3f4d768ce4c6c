using Alerts.Evaluate.Lifecycle;

namespace Alerts.Route.Routing;

/// <summary>Events of one subscription that a routing pass held instead of notifying, and why (one of <see cref="NotificationReasons"/>).</summary>
/// <param name="Detail">What holds them, e.g. <c>silence sil-1</c> or <c>mute window 22:00-07:00 UTC</c>.</param>
public sealed record HeldEvents(string SubscriptionId, IReadOnlyList<AlertEvent> Events, string Reason, string? Detail = null);
