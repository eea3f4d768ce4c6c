using Alerts.Evaluate.Lifecycle;
using Alerts.Route.NotificationLog;
using Alerts.Route.Notifications;
using Alerts.Route.Silences;
using Alerts.Route.Subscriptions;

namespace Alerts.Route.Routing;

/// <summary>The named reasons the router gives for notifying or staying quiet.</summary>
public static class NotificationReasons
{
    /// <summary>Nothing was ever sent for this subscription and group.</summary>
    /// <summary>The owner asked for a test send (<c>POST /api/subscriptions/{id}/test</c>); rendered clearly labelled as a test.</summary>
    public const string Test = "test";

    /// <summary>A subscription just became active: the alerts firing now that it matches, sent once.</summary>
    public const string CurrentAlerts = "current-alerts";

    public const string First = "first";

    /// <summary>An alert the group has not told about yet, or one that fired again after resolving.</summary>
    public const string NewAlertsInGroup = "new-alerts-in-group";

    /// <summary>An alert told as firing has resolved.</summary>
    public const string Resolved = "resolved";

    /// <summary>Alerts still firing, with new events, and the repeat interval has passed since the last notification.</summary>
    public const string RepeatIntervalElapsed = "repeat-interval-elapsed";

    /// <summary>Skip: everything in the group was already sent, or is a repeat inside the repeat interval.</summary>
    public const string AlreadyNotified = "already-notified";

    /// <summary>A subscription's daily or weekly digest (<see cref="Notifications.DigestSummary"/>).</summary>
    public const string Digest = "digest";

    /// <summary>Skip: every event in the group is muted by an active silence.</summary>
    public const string Silenced = "silenced";

    /// <summary>Skip (held): the alert is inhibited (a firing alert an inhibition rule names as its source, <see cref="AlertEvent.InhibitedBy"/>).</summary>
    public const string Inhibited = "inhibited";

    /// <summary>Skip (held): one of the subscription's mute windows covers the routing time.</summary>
    public const string MuteWindow = "mute-window";

    /// <summary>Skip (held): an earlier event of the same alert is held, so this one waits behind it.</summary>
    public const string Held = "held";
}
