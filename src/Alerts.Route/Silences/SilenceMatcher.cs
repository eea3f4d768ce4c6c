using System.Text.RegularExpressions;
using Alerts.Evaluate.Lifecycle;
using Alerts.Route.Subscriptions;

namespace Alerts.Route.Silences;

/// <summary>
/// One condition of a silence on an alert event's field (<see cref="SilenceMatcherNames"/>). Equality compares as
/// a subscription filter does (case-insensitive; a product code matches the codes under it; a commodity id matches
/// its series at every stage and the products standing in for it); a regular expression must match a whole value,
/// case-insensitively. <see cref="IsEqual"/> false negates the matcher.
/// </summary>
public sealed record SilenceMatcher(string Name, string Value, bool IsRegex = false, bool IsEqual = true)
{
    /// <summary>Regular expressions run without backtracking, so no pattern can stall the router; the timeout is a second guard.</summary>
    public static readonly TimeSpan RegexTimeout = TimeSpan.FromMilliseconds(100);

    private Regex? regex;

    public bool Matches(AlertEvent alertEvent)
    {
        ArgumentNullException.ThrowIfNull(alertEvent);
        return IsEqual == (IsRegex ? AnyRegexMatch(alertEvent) : EqualityMatch(alertEvent));
    }

    /// <summary>The anchored, case-insensitive expression of a regex matcher; throws <see cref="ArgumentException"/> for a bad or unsupported pattern.</summary>
    public static Regex Compile(string pattern) =>
        new("^(?:" + pattern + ")$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, RegexTimeout);

    private Regex Pattern => regex ??= Compile(Value);

    // By value: the compiled expression is a cache, not part of what the matcher is.
    public bool Equals(SilenceMatcher? other) =>
        other is not null && Name == other.Name && Value == other.Value && IsRegex == other.IsRegex && IsEqual == other.IsEqual;

    public override int GetHashCode() => HashCode.Combine(Name, Value, IsRegex, IsEqual);

    private bool EqualityMatch(AlertEvent e)
    {
        var value = Value.Trim();
        return Name switch
        {
            SilenceMatcherNames.Commodity => SubscriptionMatcher.CommodityMatches(value, e.Commodity) || SubscriptionMatcher.IsCommodityOf(value, e.CommodityIds),
            SilenceMatcherNames.Product => SubscriptionMatcher.CommodityMatches(value, e.Commodity),
            _ => SilenceMatcherNames.ValuesOf(Name, e).Any(v => string.Equals(value, v, StringComparison.OrdinalIgnoreCase)),
        };
    }

    private bool AnyRegexMatch(AlertEvent e)
    {
        foreach (var v in SilenceMatcherNames.ValuesOf(Name, e))
        {
            try
            {
                if (Pattern.IsMatch(v))
                {
                    return true;
                }
            }
            catch (RegexMatchTimeoutException)
            {
                // A pattern too slow to decide mutes nothing: an alert is better sent than lost.
                return false;
            }
        }

        return false;
    }
}
