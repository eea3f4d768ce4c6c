using Alerts.Route.NotificationLog;
using Alerts.Route.Notifications;
using Alerts.Route.Silences;
using Alerts.Route.Subscriptions;

namespace Alerts.Route.Routing;

/// <summary>What the router decided for one subscription and group, for logs and run reports.</summary>
/// <param name="Reason">One of <see cref="NotificationReasons"/>.</param>
/// <param name="EventIds">Events of the group in this pass (sent, or skipped).</param>
/// <param name="NotificationId">Set when a notification is published.</param>
public sealed record RoutingDecision(
    string SubscriptionId,
    string GroupKey,
    bool Notify,
    string Reason,
    IReadOnlyList<string> EventIds,
    string? NotificationId);
