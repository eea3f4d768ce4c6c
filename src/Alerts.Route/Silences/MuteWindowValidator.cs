using System.Globalization;

namespace Alerts.Route.Silences;

/// <summary>Checks and normalizes a subscription's <c>muteWindows</c>; each problem is reported against its field (<c>muteWindows[0].start</c>).</summary>
public static class MuteWindowValidator
{
    public const int MaxWindows = 20;

    private static readonly string[] Days = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

    public static void Validate(IReadOnlyList<MuteWindow?>? windows, Action<string, string> error)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (windows is null)
        {
            return;
        }

        if (windows.Count > MaxWindows)
        {
            error("muteWindows", string.Create(CultureInfo.InvariantCulture, $"muteWindows has {windows.Count} items; at most {MaxWindows} are allowed"));
            return;
        }

        for (var i = 0; i < windows.Count; i++)
        {
            var field = string.Create(CultureInfo.InvariantCulture, $"muteWindows[{i}]");
            if (windows[i] is not { } w)
            {
                error(field, "must be an object such as {\"weekdays\":[\"saturday\",\"sunday\"],\"timeZone\":\"Europe/Brussels\"}");
                continue;
            }

            var weekdays = w.Weekdays ?? [];
            for (var d = 0; d < weekdays.Count; d++)
            {
                if (ExpandDays(weekdays[d]) is null)
                {
                    error(string.Create(CultureInfo.InvariantCulture, $"{field}.weekdays[{d}]"), $"'{SilenceMatcherValidator.Clip(weekdays[d] ?? "null")}' is not a weekday or range such as monday or monday:friday");
                }
            }

            var start = CheckTime(w.Start, field + ".start", error);
            var end = CheckTime(w.End, field + ".end", error);
            if ((w.Start is null) != (w.End is null))
            {
                error(field + (w.Start is null ? ".start" : ".end"), "start and end go together: give both (HH:mm), or neither for the whole day");
            }
            else if (start is { } s && end is { } e && s == e % (24 * 60))
            {
                error(field + ".end", "end equals start: leave both out for the whole day");
            }

            if (w.TimeZone is not null && !TryFindZone(w.TimeZone, out _))
            {
                error(field + ".timeZone", $"'{SilenceMatcherValidator.Clip(w.TimeZone)}' is not a known time zone: use an IANA id such as Europe/Brussels or UTC");
            }
        }
    }

    /// <summary>The windows as stored: weekdays expanded to lower-case names in week order, times <c>HH:mm</c>, the zone named.</summary>
    public static IReadOnlyList<MuteWindow>? Normalize(IReadOnlyList<MuteWindow?>? windows) =>
        windows is not { Count: > 0 }
            ? null
            : [.. windows.Select(w => new MuteWindow(
                (w!.Weekdays ?? []).SelectMany(d => ExpandDays(d)!).Distinct().OrderBy(d => Array.IndexOf(Days, d)).ToList() is { Count: > 0 and < 7 } days ? days : null,
                w.Start is null ? null : Format(ParseTime(w.Start)!.Value),
                w.End is null ? null : Format(ParseTime(w.End)!.Value),
                string.IsNullOrWhiteSpace(w.TimeZone) ? "UTC" : w.TimeZone.Trim()))];

    public static bool TryFindZone(string? id, out TimeZoneInfo zone)
    {
        zone = TimeZoneInfo.Utc;
        if (string.IsNullOrWhiteSpace(id))
        {
            return true;
        }

        return TimeZoneInfo.TryFindSystemTimeZoneById(id.Trim(), out zone!);
    }

    /// <summary>A day (<c>monday</c>) or a range (<c>monday:friday</c>, <c>friday:monday</c> wraps the weekend); null when neither.</summary>
    private static List<string>? ExpandDays(string? text)
    {
        var parts = (text ?? string.Empty).Trim().ToLowerInvariant().Split(':');
        var from = Array.IndexOf(Days, parts[0]);
        var to = parts.Length == 2 ? Array.IndexOf(Days, parts[1]) : from;
        if (parts.Length > 2 || from < 0 || to < 0)
        {
            return null;
        }

        var days = new List<string>();
        for (var i = from; ; i = (i + 1) % 7)
        {
            days.Add(Days[i]);
            if (i == to)
            {
                return days;
            }
        }
    }

    private static int? CheckTime(string? text, string field, Action<string, string> error)
    {
        if (text is null)
        {
            return null;
        }

        var minutes = ParseTime(text);
        if (minutes is null)
        {
            error(field, $"'{SilenceMatcherValidator.Clip(text)}' is not a time of day HH:mm (00:00 to 24:00)");
        }

        return minutes;
    }

    private static int? ParseTime(string text)
    {
        var t = text.Trim();
        if (t.Length != 5 || t[2] != ':' || !int.TryParse(t.AsSpan(0, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var h)
            || !int.TryParse(t.AsSpan(3, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var m))
        {
            return null;
        }

        return (h < 24 && m < 60) || (h == 24 && m == 0) ? (h * 60) + m : null;
    }

    private static string Format(int minutes) => string.Create(CultureInfo.InvariantCulture, $"{minutes / 60:00}:{minutes % 60:00}");
}
