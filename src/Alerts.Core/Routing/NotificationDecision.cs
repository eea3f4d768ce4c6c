using Alerts.Core.Alerts;

namespace Alerts.Core.Routing;

/// <summary>Whether to notify a group, the named reason, and the events to send.</summary>
/// <param name="Reason">One of <see cref="NotificationReasons"/>.</param>
/// <param name="Events">Events to send (empty when skipping).</param>
public sealed record NotificationDecision(bool Notify, string Reason, IReadOnlyList<AlertEvent> Events)
{
    public static NotificationDecision Send(string reason, IReadOnlyList<AlertEvent> events) => new(true, reason, events);

    public static NotificationDecision Skip(string reason) => new(false, reason, []);
}
