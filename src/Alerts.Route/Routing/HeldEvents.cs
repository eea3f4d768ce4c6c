using Alerts.Evaluate.Lifecycle;

namespace Alerts.Route.Routing;

/// <summary>Events of one subscription that a routing pass held instead of notifying, and why (one of <see cref="NotificationReasons"/>).</summary>
public sealed record HeldEvents(string SubscriptionId, IReadOnlyList<AlertEvent> Events, string Reason);
