using Alerts.Route.NotificationLog;
using Alerts.Route.Routing;
using Alerts.Route.Silences;
using Alerts.Route.Subscriptions;

namespace Alerts.Route.Notifications;

/// <summary>How bad an alert is; subscriptions filter on a minimum (info &lt; warning &lt; critical).</summary>
public enum Severity
{
    Info = 0,
    Warning = 1,
    Critical = 2,
}
