using System.Globalization;
using System.Text.RegularExpressions;
using Alerts.Route.NotificationLog;
using Alerts.Route.Notifications;
using Alerts.Route.Silences;
using Alerts.Route.Subscriptions;

namespace Alerts.Route.Routing;

/// <summary>Reads durations as people write them in an API body: <c>PT4H</c>, <c>P1D</c>, <c>4h</c>, <c>1h30m</c>, <c>2d</c> or <c>04:00:00</c>.</summary>
public static partial class Durations
{
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = default;
        if (string.IsNullOrWhiteSpace(text) || text.Length > 32)
        {
            return false;
        }

        var s = text.Trim();
        var match = Iso8601().Match(s);
        if (!match.Success)
        {
            match = Compact().Match(s);
        }

        if (match.Success && match.Length > 0 && (match.Groups["w"].Success || match.Groups["d"].Success || match.Groups["h"].Success || match.Groups["m"].Success || match.Groups["s"].Success))
        {
            try
            {
                duration = TimeSpan.FromDays(7 * Number(match, "w") + Number(match, "d"))
                           + TimeSpan.FromHours(Number(match, "h"))
                           + TimeSpan.FromMinutes(Number(match, "m"))
                           + TimeSpan.FromSeconds(Number(match, "s"));
                return true;
            }
            catch (OverflowException)
            {
                return false;
            }
        }

        // Only with a colon: a bare number would otherwise parse as days.
        return s.Contains(':', StringComparison.Ordinal) && TimeSpan.TryParseExact(s, "c", CultureInfo.InvariantCulture, out duration);
    }

    /// <summary>ISO 8601 (<c>PT4H</c>), the form the API writes back.</summary>
    public static string ToIso8601(TimeSpan duration)
    {
        if (duration <= TimeSpan.Zero)
        {
            return "PT0S";
        }

        var text = "P" + (duration.Days > 0 ? string.Create(CultureInfo.InvariantCulture, $"{duration.Days}D") : string.Empty);
        var time = (duration.Hours > 0 ? string.Create(CultureInfo.InvariantCulture, $"{duration.Hours}H") : string.Empty)
                   + (duration.Minutes > 0 ? string.Create(CultureInfo.InvariantCulture, $"{duration.Minutes}M") : string.Empty)
                   + (duration.Seconds > 0 ? string.Create(CultureInfo.InvariantCulture, $"{duration.Seconds}S") : string.Empty);
        return time.Length > 0 ? text + "T" + time : text;
    }

    private static long Number(Match m, string group) =>
        m.Groups[group].Success ? long.Parse(m.Groups[group].Value, NumberStyles.None, CultureInfo.InvariantCulture) : 0;

    [GeneratedRegex(@"^P(?:(?<w>\d{1,6})W)?(?:(?<d>\d{1,6})D)?(?:T(?:(?<h>\d{1,6})H)?(?:(?<m>\d{1,6})M)?(?:(?<s>\d{1,6})S)?)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Iso8601();

    [GeneratedRegex(@"^(?:(?<w>\d{1,6})w)?(?:(?<d>\d{1,6})d)?(?:(?<h>\d{1,6})h)?(?:(?<m>\d{1,6})m)?(?:(?<s>\d{1,6})s)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Compact();
}
