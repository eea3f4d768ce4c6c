namespace Alerts.Evaluate.Rules;

/// <summary>
/// What a rule's alert does when its series has had no data for <see cref="Rule.NoDataAfter"/> expected periods, or
/// the source failed that many runs in a row for its product (after Grafana's "no data" handling).
/// </summary>
public enum NoDataPolicy
{
    /// <summary>The default: the alert shows state <c>noData</c> and a no-data alert goes to the subscriptions that
    /// ask for state <c>noData</c> (operators), not to every subscriber; its resolve follows when data is back.</summary>
    NoData = 0,

    /// <summary>Missing data makes the rule's own alert fire, for every subscriber.</summary>
    Alerting = 1,

    /// <summary>The alert keeps its last state; nothing is sent.</summary>
    KeepLast = 2,
}

/// <summary>The names of <see cref="NoDataPolicy"/> in configuration and JSON.</summary>
public static class NoDataPolicies
{
    public static readonly IReadOnlyList<string> Names = ["noData", "alerting", "keepLast"];

    public static bool TryParse(string? text, out NoDataPolicy policy)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "nodata":
                policy = NoDataPolicy.NoData;
                return true;
            case "alerting":
                policy = NoDataPolicy.Alerting;
                return true;
            case "keeplast":
                policy = NoDataPolicy.KeepLast;
                return true;
            default:
                policy = default;
                return false;
        }
    }

    public static string ToName(this NoDataPolicy policy) => policy switch
    {
        NoDataPolicy.Alerting => "alerting",
        NoDataPolicy.KeepLast => "keepLast",
        _ => "noData",
    };
}
