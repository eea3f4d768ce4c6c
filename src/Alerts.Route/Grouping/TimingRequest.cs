using System.Globalization;
using Alerts.Route.Routing;

namespace Alerts.Route.Grouping;

/// <summary><c>delivery</c> of a subscription request: <c>{"mode":"daily","at":"08:00","timeZone":"Europe/Brussels"}</c>,
/// weekly with <c>"day":"monday"</c>; mode <c>immediate</c> (the default) takes no other field.</summary>
public sealed record DeliveryRequest
{
    public string? Mode { get; init; }

    public string? At { get; init; }

    public string? TimeZone { get; init; }

    public string? Day { get; init; }
}

/// <summary>
/// Checks and reads a request's <c>groupWait</c>, <c>groupInterval</c> and <c>delivery</c> (kept apart from the rest of
/// the subscription validator: these are the routing timers'), each problem under the field it names.
/// </summary>
public static class TimingRequest
{
    public static readonly TimeSpan MaxGroupWait = TimeSpan.FromHours(24);
    public static readonly TimeSpan MaxGroupInterval = TimeSpan.FromDays(7);

    public static IEnumerable<(string Field, string Message)> Validate(string? groupWait, string? groupInterval, DeliveryRequest? delivery)
    {
        foreach (var problem in CheckDuration("groupWait", groupWait, MaxGroupWait))
        {
            yield return problem;
        }

        foreach (var problem in CheckDuration("groupInterval", groupInterval, MaxGroupInterval))
        {
            yield return problem;
        }

        if (delivery is null)
        {
            yield break;
        }

        var mode = delivery.Mode?.Trim().ToLowerInvariant();
        if (mode is not ("immediate" or "daily" or "weekly"))
        {
            yield return ("delivery.mode", $"delivery.mode '{Clip(delivery.Mode ?? "null")}' is not one of immediate, daily, weekly");
            yield break;
        }

        if (mode == "immediate")
        {
            if (delivery.At is not null || delivery.TimeZone is not null || delivery.Day is not null)
            {
                yield return ("delivery", "an immediate delivery takes no at, timeZone or day");
            }

            yield break;
        }

        if (!TryTime(delivery.At, out _))
        {
            yield return ("delivery.at", $"delivery.at '{Clip(delivery.At ?? "null")}' is not a time of day such as 08:00");
        }

        if (!TryZone(delivery.TimeZone, out _))
        {
            yield return ("delivery.timeZone", $"delivery.timeZone '{Clip(delivery.TimeZone ?? "null")}' is not an IANA time zone such as Europe/Brussels");
        }

        if (mode == "weekly" ? !Enum.TryParse<DayOfWeek>(delivery.Day, ignoreCase: true, out var day) || !Enum.IsDefined(day) || int.TryParse(delivery.Day, out _) : delivery.Day is not null)
        {
            yield return ("delivery.day", mode == "weekly"
                ? $"delivery.day '{Clip(delivery.Day ?? "null")}' is not a weekday such as monday"
                : "a daily delivery takes no day");
        }
    }

    /// <summary>The timing of a valid request; null when it asks for nothing but the defaults (send at once).</summary>
    public static NotificationTiming? Parse(string? groupWait, string? groupInterval, DeliveryRequest? delivery)
    {
        var wait = groupWait is not null && Durations.TryParse(groupWait, out var w) ? w : TimeSpan.Zero;
        var interval = groupInterval is not null && Durations.TryParse(groupInterval, out var i) ? i : TimeSpan.Zero;
        DeliverySchedule? schedule = null;
        var mode = delivery?.Mode?.Trim().ToLowerInvariant();
        if (mode is "daily" or "weekly" && TryTime(delivery!.At, out var at) && TryZone(delivery.TimeZone, out var zone))
        {
            schedule = new DeliverySchedule(
                mode == "weekly" ? DeliveryMode.Weekly : DeliveryMode.Daily,
                at,
                zone,
                mode == "weekly" ? Enum.Parse<DayOfWeek>(delivery.Day!, ignoreCase: true) : null);
        }

        var timing = new NotificationTiming(wait, interval, schedule);
        return timing == NotificationTiming.Immediate ? null : timing;
    }

    /// <summary>The request fields that give <paramref name="timing"/> back (what a patch starts from).</summary>
    public static (string? GroupWait, string? GroupInterval, DeliveryRequest? Delivery) ToRequest(NotificationTiming? timing) =>
        timing is null
            ? (null, null, null)
            : (Durations.ToIso8601(timing.GroupWait), Durations.ToIso8601(timing.GroupInterval), timing.Delivery is { } d
                ? new DeliveryRequest
                {
                    Mode = d.Mode == DeliveryMode.Weekly ? "weekly" : "daily",
                    At = d.At.ToString("HH\\:mm", CultureInfo.InvariantCulture),
                    TimeZone = d.TimeZone,
                    Day = d.Day?.ToString().ToLowerInvariant(),
                }
                : null);

    private static IEnumerable<(string, string)> CheckDuration(string field, string? text, TimeSpan max)
    {
        if (text is null)
        {
            yield break;
        }

        if (!Durations.TryParse(text, out var d))
        {
            yield return (field, $"{field} '{Clip(text)}' is not a duration: write e.g. PT30S, 5m or PT1H");
        }
        else if (d < TimeSpan.Zero || d > max)
        {
            yield return (field, $"{field} must be between 0 and {Durations.ToIso8601(max)}");
        }
    }

    private static bool TryTime(string? text, out TimeOnly time) =>
        TimeOnly.TryParseExact(text?.Trim(), ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time);

    private static bool TryZone(string? id, out string zone)
    {
        zone = id?.Trim() ?? string.Empty;
        if (zone.Length is 0 or > 64)
        {
            return false;
        }

        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(zone).Id;
            return true;
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return false;
        }
    }

    private static string Clip(string value) => value.Length <= 40 ? value : value[..40] + "...";
}
