using System.Globalization;
using Alerts.Route.Notifications;

namespace Alerts.Route.Silences;

/// <summary>Checks one matcher, for HTTP requests and configuration alike; each problem is reported against the field that holds it.</summary>
public static class SilenceMatcherValidator
{
    public const int MaxValueLength = 200;

    /// <summary>Reports each problem of the matcher at <paramref name="field"/> (e.g. <c>matchers[0]</c>) to <paramref name="error"/> as (field, message).</summary>
    public static void Validate(string? name, string? value, bool isRegex, string field, Action<string, string> error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var known = name?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(known))
        {
            error(field + ".name", "name is required: one of " + string.Join(", ", SilenceMatcherNames.All));
        }
        else if (!SilenceMatcherNames.All.Contains(known))
        {
            error(field + ".name", $"'{Clip(name!)}' is not a matcher name: use one of {string.Join(", ", SilenceMatcherNames.All)}");
            known = null;
        }

        if (string.IsNullOrWhiteSpace(value))
        {
            // An empty value would match nothing (equality) or only empty fields (regex): never what was meant.
            error(field + ".value", "value is required and must not be empty");
            return;
        }

        if (value.Length > MaxValueLength)
        {
            error(field + ".value", string.Create(CultureInfo.InvariantCulture, $"value must be at most {MaxValueLength} characters"));
            return;
        }

        if (value.Any(char.IsControl))
        {
            error(field + ".value", "value must not contain control characters");
            return;
        }

        if (isRegex)
        {
            try
            {
                _ = SilenceMatcher.Compile(value);
            }
            catch (Exception e) when (e is ArgumentException or NotSupportedException)
            {
                error(field + ".value", $"'{Clip(value)}' is not a supported regular expression: {e.Message}");
            }

            return;
        }

        if (known == SilenceMatcherNames.Severity && !SeverityLevels.TryParse(value, out _))
        {
            error(field + ".value", $"'{Clip(value)}' is not a severity: use one of {string.Join(", ", SeverityLevels.Names)}");
        }
        else if (known == SilenceMatcherNames.Window && !SilenceMatcherNames.Windows.Contains(value.Trim().ToLowerInvariant()))
        {
            error(field + ".value", $"'{Clip(value)}' is not a window: use one of {string.Join(", ", SilenceMatcherNames.Windows)}");
        }
    }

    /// <summary>The matcher as stored: name lower-case, value trimmed.</summary>
    public static SilenceMatcher Normalize(string name, string value, bool isRegex, bool isEqual) =>
        new(name.Trim().ToLowerInvariant(), isRegex ? value : value.Trim(), isRegex, isEqual);

    // Echoed values are clipped so a huge bad value does not become a huge error.
    internal static string Clip(string value) => value.Length <= 40 ? value : value[..40] + "...";
}
