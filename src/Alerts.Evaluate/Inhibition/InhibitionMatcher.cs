using System.Text.RegularExpressions;

namespace Alerts.Evaluate.Inhibition;

/// <summary>
/// One condition of an inhibition rule on an alert's label (<see cref="InhibitionLabels"/>): equality is
/// case-insensitive; a regular expression must match the whole value, case-insensitively, and runs without
/// backtracking (as a silence's does). <see cref="IsEqual"/> false negates the matcher.
/// </summary>
public sealed record InhibitionMatcher(string Name, string Value, bool IsRegex = false, bool IsEqual = true)
{
    private static readonly TimeSpan RegexTimeout = TimeSpan.FromMilliseconds(100);

    private Regex? regex;

    /// <summary>True when the matcher holds for <paramref name="value"/>, the alert's value of label <see cref="Name"/>.</summary>
    public bool Matches(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return IsEqual == (IsRegex ? RegexMatch(value) : string.Equals(Value.Trim(), value, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The anchored, case-insensitive expression; throws <see cref="ArgumentException"/> for a bad or unsupported pattern.</summary>
    public static Regex Compile(string pattern) =>
        new("^(?:" + pattern + ")$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, RegexTimeout);

    // By value: the compiled expression is a cache, not part of what the matcher is.
    public bool Equals(InhibitionMatcher? other) =>
        other is not null && Name == other.Name && Value == other.Value && IsRegex == other.IsRegex && IsEqual == other.IsEqual;

    public override int GetHashCode() => HashCode.Combine(Name, Value, IsRegex, IsEqual);

    private bool RegexMatch(string value)
    {
        try
        {
            return (regex ??= Compile(Value)).IsMatch(value);
        }
        catch (RegexMatchTimeoutException)
        {
            // Too slow to decide: not matched, so nothing is inhibited by it (an alert is better told than lost).
            return false;
        }
    }
}
