using Alerts.Evaluate.Lifecycle;
using Alerts.Route.NotificationLog;
using Alerts.Route.Notifications;
using Alerts.Route.Silences;
using Alerts.Route.Subscriptions;

namespace Alerts.Route.Routing;

/// <summary>Whether to notify a group, the named reason, and the events to send.</summary>
/// <param name="Reason">One of <see cref="NotificationReasons"/>.</param>
/// <param name="Events">Events to send (empty when skipping).</param>
public sealed record NotificationDecision(bool Notify, string Reason, IReadOnlyList<AlertEvent> Events)
{
    public static NotificationDecision Send(string reason, IReadOnlyList<AlertEvent> events) => new(true, reason, events);

    public static NotificationDecision Skip(string reason) => new(false, reason, []);
}
