using Alerts.Route.Grouping;

namespace Alerts.Route.Digests;

/// <summary>When a daily or weekly digest falls due, in the subscriber's time zone (pure; the clock is passed in).</summary>
public static class DigestSchedule
{
    /// <summary>The latest scheduled time at or before <paramref name="now"/>.</summary>
    /// <exception cref="TimeZoneNotFoundException">The schedule names an unknown time zone (validation refuses those).</exception>
    public static DateTimeOffset LastDue(DeliverySchedule schedule, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(schedule.TimeZone);
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var day = DateOnly.FromDateTime(local.DateTime);
        for (var back = 0; back < 8; back++)
        {
            var candidate = day.AddDays(-back);
            if (schedule.Mode == DeliveryMode.Weekly && candidate.DayOfWeek != (schedule.Day ?? DayOfWeek.Monday))
            {
                continue;
            }

            var due = ToUtc(candidate.ToDateTime(schedule.At), zone);
            if (due <= now)
            {
                return due;
            }
        }

        throw new InvalidOperationException("A daily or weekly schedule always falls due within eight days.");
    }

    /// <summary>Daily or weekly, the time and zone, e.g. <c>daily at 08:00 Europe/Brussels</c>.</summary>
    public static string Describe(DeliverySchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var when = schedule.Mode == DeliveryMode.Weekly ? $"weekly on {schedule.Day ?? DayOfWeek.Monday}" : "daily";
        return $"{when} at {schedule.At:HH\\:mm} {schedule.TimeZone}";
    }

    // A local time skipped by a clock change (spring forward) is taken an hour later; a repeated one, the first time.
    private static DateTimeOffset ToUtc(DateTime local, TimeZoneInfo zone)
    {
        if (zone.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }

        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }
}
