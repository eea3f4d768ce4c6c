using Alerts.Core.Alerts;

namespace Alerts.Core.Routing;

/// <summary>Decides whether an alert event passes a subscription's filter.</summary>
public static class SubscriptionMatcher
{
    public static bool Matches(SubscriptionFilter filter, AlertEvent alertEvent)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(alertEvent);
        return (filter.States.Count == 0 || filter.States.Contains(alertEvent.State))
               && SeverityLevels.OfEvent(alertEvent.Severity) >= filter.MinSeverity
               && (filter.Commodities.Count == 0 || filter.Commodities.Any(c => CommodityMatches(c, alertEvent.Commodity)))
               && (filter.Reporters.Count == 0 || filter.Reporters.Any(r => string.Equals(r.Trim(), alertEvent.Reporter, StringComparison.OrdinalIgnoreCase)))
               && (filter.RuleIds.Count == 0 || filter.RuleIds.Any(r => string.Equals(r.Trim(), alertEvent.RuleId, StringComparison.OrdinalIgnoreCase)));
    }

    public static bool Matches(Subscription subscription, AlertEvent alertEvent)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        return Matches(subscription.Filter, alertEvent);
    }

    /// <summary>
    /// Ids compare case-insensitively; product codes ignore the spaces and dots people write them with, and
    /// a shorter code matches every code under it, because HS/CN codes are hierarchical.
    /// </summary>
    internal static bool CommodityMatches(string wanted, string actual)
    {
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

    private static string Normalize(string code)
    {
        var trimmed = code.Trim().ToLowerInvariant();
        var compact = trimmed.Replace(" ", string.Empty, StringComparison.Ordinal).Replace(".", string.Empty, StringComparison.Ordinal);
        return IsDigits(compact) ? compact : trimmed;
    }

    private static bool IsDigits(string s) => s.Length > 0 && s.All(char.IsAsciiDigit);
}
