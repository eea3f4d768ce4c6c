using Alerts.Evaluate.Lifecycle;
using Alerts.Pull.Catalog;
using Alerts.Route.NotificationLog;
using Alerts.Route.Notifications;
using Alerts.Route.Routing;
using Alerts.Route.Silences;

namespace Alerts.Route.Subscriptions;

/// <summary>Decides whether an alert event passes a subscription's filter.</summary>
public static class SubscriptionMatcher
{
    public static bool Matches(SubscriptionFilter filter, AlertEvent alertEvent)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(alertEvent);

        // Loops rather than LINQ: the router calls this for every event and subscription.
        // The no-data alert (missing data, not a value) goes only to filters that ask for state noData, by name.
        var stateWanted = AlertEvent.IsNoDataAlert(alertEvent)
            ? filter.States.Contains(AlertState.NoData)
            : filter.States.Count == 0 || filter.States.Contains(alertEvent.State);
        if (!stateWanted
            || SeverityLevels.OfEvent(alertEvent.Severity) < filter.MinSeverity
            || !AnyEqual(filter.Reporters, alertEvent.Reporter)
            || !AnyEqual(filter.RuleIds, alertEvent.RuleId))
        {
            return false;
        }

        if (filter.Commodities.Count == 0)
        {
            return true;
        }

        foreach (var c in filter.Commodities)
        {
            if (CommodityMatches(c, alertEvent.Commodity) || IsCommodityOf(c, alertEvent.CommodityIds))
            {
                return true;
            }
        }

        return false;
    }

    public static bool Matches(Subscription subscription, AlertEvent alertEvent)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        return Matches(subscription.Filter, alertEvent);
    }

    /// <summary>
    /// (Besides <see cref="IsCommodityOf"/>.) Ids compare case-insensitively; product codes ignore the spaces and dots people write them with, and
    /// a shorter code matches every code under it, because HS/CN codes are hierarchical; a commodity id matches
    /// its series at every stage (<c>rare-earths</c> matches <c>rare-earths/metal</c>).
    /// </summary>
    internal static bool CommodityMatches(string wanted, string actual)
    {
        if (string.Equals(wanted, actual, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (CommodityNames.TryParseSeries(actual, out var id, out _))
        {
            return string.Equals(wanted.Trim(), id, StringComparison.OrdinalIgnoreCase);
        }

        var w = Normalize(wanted);
        var a = Normalize(actual);
        if (w.Length == 0)
        {
            return false;
        }

        if (string.Equals(w, a, StringComparison.Ordinal))
        {
            return true;
        }

        return IsDigits(w) && IsDigits(a) && a.StartsWith(w, StringComparison.Ordinal);
    }

    // A commodity id also names the products that stand in for its stages: an alert on 850511 is one on rare-earths.
    internal static bool IsCommodityOf(string wanted, IReadOnlyList<string>? commodityIds)
    {
        if (commodityIds is null)
        {
            return false;
        }

        foreach (var id in commodityIds)
        {
            if (string.Equals(wanted.Trim(), id, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static bool AnyEqual(IReadOnlyList<string> wanted, string actual)
    {
        if (wanted.Count == 0)
        {
            return true;
        }

        foreach (var w in wanted)
        {
            if (string.Equals(w.Trim(), actual, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    internal static string Normalize(string code)
    {
        if (IsDigits(code))
        {
            return code; // the common case, a bare product code: nothing to allocate
        }

        var trimmed = code.Trim().ToLowerInvariant();
        var compact = trimmed.Replace(" ", string.Empty, StringComparison.Ordinal).Replace(".", string.Empty, StringComparison.Ordinal);
        return IsDigits(compact) ? compact : trimmed;
    }

    private static bool IsDigits(string s) => s.Length > 0 && s.All(char.IsAsciiDigit);
}
