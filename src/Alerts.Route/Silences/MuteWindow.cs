using System.Globalization;

namespace Alerts.Route.Silences;

/// <summary>
/// A recurring time a subscription is quiet (e.g. nights, weekends): on <see cref="Weekdays"/> (none = every day),
/// from <see cref="Start"/> to <see cref="End"/> (local times <c>HH:mm</c>; none = the whole day; an end at or before
/// the start runs past midnight into the next day, <c>24:00</c> is the end of the day), in <see cref="TimeZone"/> (an IANA
/// id such as <c>Europe/Brussels</c>; default <c>UTC</c>). Notifications due inside are held and sent when it ends.
/// The same shape is the API's request, stored value and view; <see cref="MuteWindowValidator"/> normalizes it.
/// </summary>
public sealed record MuteWindow(IReadOnlyList<string>? Weekdays = null, string? Start = null, string? End = null, string? TimeZone = null)
{
    /// <summary>True when <paramref name="now"/> falls inside the window (in its time zone).</summary>
    public bool Covers(DateTimeOffset now)
    {
        if (!MuteWindowValidator.TryFindZone(TimeZone, out var zone))
        {
            return false; // validated on the way in; a zone the host no longer knows mutes nothing rather than everything
        }

        var local = TimeZoneInfo.ConvertTime(now, zone);
        var minute = (local.Hour * 60) + local.Minute;
        var day = local.DayOfWeek;
        if (Start is null || End is null)
        {
            return OnDay(day);
        }

        var start = Minutes(Start);
        var end = Minutes(End);
        return start < end
            ? OnDay(day) && minute >= start && minute < end
            : (OnDay(day) && minute >= start) || (OnDay(Previous(day)) && minute < end); // past midnight: the tail belongs to the day it started
    }

    /// <summary>True when any of <paramref name="windows"/> covers <paramref name="now"/>.</summary>
    public static bool AnyCovers(IReadOnlyList<MuteWindow>? windows, DateTimeOffset now) =>
        windows is { Count: > 0 } && windows.Any(w => w.Covers(now));

    /// <summary>E.g. <c>mute window 22:00-07:00 Europe/Brussels</c>, <c>mute window saturday,sunday UTC</c>.</summary>
    public string Describe()
    {
        var days = Weekdays is { Count: > 0 } ? string.Join(",", Weekdays) + " " : string.Empty;
        var hours = Start is not null && End is not null ? $"{Start}-{End} " : string.Empty;
        return $"mute window {days}{hours}{TimeZone ?? "UTC"}";
    }

    /// <summary>The first of <paramref name="windows"/> that covers <paramref name="now"/>; null when none does.</summary>
    public static MuteWindow? Covering(IReadOnlyList<MuteWindow>? windows, DateTimeOffset now) =>
        windows?.FirstOrDefault(w => w.Covers(now));

    internal static int Minutes(string hhmm) =>
        (int.Parse(hhmm.AsSpan(0, 2), CultureInfo.InvariantCulture) * 60) + int.Parse(hhmm.AsSpan(3, 2), CultureInfo.InvariantCulture);

    private static DayOfWeek Previous(DayOfWeek day) => (DayOfWeek)(((int)day + 6) % 7);

    private bool OnDay(DayOfWeek day) =>
        Weekdays is not { Count: > 0 } || Weekdays.Contains(day.ToString().ToLowerInvariant(), StringComparer.Ordinal);
}
