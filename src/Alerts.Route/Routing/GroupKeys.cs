using Alerts.Evaluate.Lifecycle;
using Alerts.Route.NotificationLog;
using Alerts.Route.Notifications;
using Alerts.Route.Silences;
using Alerts.Route.Subscriptions;

namespace Alerts.Route.Routing;

/// <summary>The key of the group an event falls into; the notification log is kept per subscription and key.</summary>
public static class GroupKeys
{
    public static readonly IReadOnlyList<string> Names = ["commodity", "reporter", "rule", "none", "all"];

    public static string For(GroupBy groupBy, AlertEvent alertEvent)
    {
        ArgumentNullException.ThrowIfNull(alertEvent);
        return groupBy switch
        {
            GroupBy.Commodity => "commodity:" + alertEvent.Commodity.ToLowerInvariant(),
            GroupBy.Reporter => "reporter:" + alertEvent.Reporter.ToUpperInvariant(),
            GroupBy.Rule => "rule:" + alertEvent.RuleId,
            GroupBy.None => "alert:" + alertEvent.Fingerprint,
            _ => "all",
        };
    }

    public static bool TryParse(string? text, out GroupBy groupBy)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "commodity":
                groupBy = GroupBy.Commodity;
                return true;
            case "reporter":
                groupBy = GroupBy.Reporter;
                return true;
            case "rule":
                groupBy = GroupBy.Rule;
                return true;
            case "none":
                groupBy = GroupBy.None;
                return true;
            case "all":
                groupBy = GroupBy.All;
                return true;
            default:
                groupBy = default;
                return false;
        }
    }
}
