using Alerts.Route.Digests;
using Alerts.Route.Grouping;

namespace Alerts.Route.Tests.Digests;

public sealed class DigestScheduleTests
{
    [Theory]
    // 08:00 in Brussels is 07:00 UTC in winter: at 07:30 UTC today's digest is due
    [InlineData("daily", null, "2026-12-01T07:30:00Z", "2026-12-01T07:00:00Z")]
    // before it, yesterday's
    [InlineData("daily", null, "2026-12-01T06:59:59Z", "2026-11-30T07:00:00Z")]
    // summer time: 08:00 is 06:00 UTC
    [InlineData("daily", null, "2026-07-01T06:00:00Z", "2026-07-01T06:00:00Z")]
    // weekly on Monday: on Tuesday 1 December 2026 the last was Monday 30 November
    [InlineData("weekly", DayOfWeek.Monday, "2026-12-01T12:00:00Z", "2026-11-30T07:00:00Z")]
    // weekly, a week back when today is the day but the time has not come
    [InlineData("weekly", DayOfWeek.Tuesday, "2026-12-01T06:00:00Z", "2026-11-24T07:00:00Z")]
    public void LastDue_InTheSubscribersZone(string mode, DayOfWeek? day, string now, string expected)
    {
        var schedule = new DeliverySchedule(mode == "weekly" ? DeliveryMode.Weekly : DeliveryMode.Daily, new TimeOnly(8, 0), "Europe/Brussels", day);

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), DigestSchedule.LastDue(schedule, DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void LastDue_TimeSkippedBySpringForward_IsAnHourLater()
    {
        // 29 March 2026, Brussels: 02:00 becomes 03:00; a 02:30 digest goes at 03:30 local (01:30 UTC).
        var schedule = new DeliverySchedule(DeliveryMode.Daily, new TimeOnly(2, 30), "Europe/Brussels");

        Assert.Equal(new DateTimeOffset(2026, 3, 29, 1, 30, 0, TimeSpan.Zero), DigestSchedule.LastDue(schedule, new DateTimeOffset(2026, 3, 29, 12, 0, 0, TimeSpan.Zero)));
        Assert.Equal("weekly on Friday at 17:00 America/New_York", DigestSchedule.Describe(new DeliverySchedule(DeliveryMode.Weekly, new TimeOnly(17, 0), "America/New_York", DayOfWeek.Friday)));
    }
}
