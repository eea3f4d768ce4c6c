using Alerts.Route.NotificationLog;
using Alerts.Route.Notifications;
using Alerts.Route.Silences;
using Alerts.Route.Subscriptions;

namespace Alerts.Route.Routing;

/// <summary>How a subscription bundles the events of one routing pass into notifications.</summary>
public enum GroupBy
{
    /// <summary>One notification per commodity (the default).</summary>
    Commodity = 0,

    /// <summary>One notification per reporter.</summary>
    Reporter = 1,

    /// <summary>One notification per rule.</summary>
    Rule = 2,

    /// <summary>No grouping: one notification per alert.</summary>
    None = 3,

    /// <summary>One digest for everything in the pass.</summary>
    All = 4,
}
