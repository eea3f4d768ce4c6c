using Alerts.Route.Silences;

namespace Alerts.Route.Tests.Silences;

public sealed class MuteWindowTests
{
    // 2026-12-04 is a Friday.
    private static DateTimeOffset Utc(int day, int hour, int minute = 0) => new(2026, 12, day, hour, minute, 0, TimeSpan.Zero);

    [Theory]
    // nights 20:00-07:00 in Brussels (UTC+1 in December): Friday 19:30 UTC is 20:30 local
    [InlineData(4, 19, 30, true)]
    // 18:59 UTC is 19:59 local: not yet
    [InlineData(4, 18, 59, false)]
    // past midnight, 06:59 local
    [InlineData(5, 5, 59, true)]
    // 07:00 local: the end is exclusive
    [InlineData(5, 6, 0, false)]
    public void Covers_OvernightWindowInTimeZone(int day, int hour, int minute, bool expected)
    {
        var nights = new MuteWindow(null, "20:00", "07:00", "Europe/Brussels");

        Assert.Equal(expected, nights.Covers(Utc(day, hour, minute)));
    }

    [Theory]
    // Saturday and Sunday, all day, Brussels: Friday 23:30 UTC is Saturday 00:30 local
    [InlineData(4, 23, 30, true)]
    [InlineData(4, 22, 30, false)]
    [InlineData(6, 22, 59, true)]
    // Monday 00:00 local
    [InlineData(6, 23, 0, false)]
    public void Covers_WeekendInTimeZone(int day, int hour, int minute, bool expected)
    {
        var weekend = new MuteWindow(["saturday", "sunday"], null, null, "Europe/Brussels");

        Assert.Equal(expected, weekend.Covers(Utc(day, hour, minute)));
    }

    [Fact]
    public void Covers_OvernightOnFridayOnly_TheTailBelongsToFriday()
    {
        var fridayNight = new MuteWindow(["friday"], "22:00", "06:00");

        Assert.True(fridayNight.Covers(Utc(5, 5))); // Saturday 05:00, the tail of Friday's night
        Assert.False(fridayNight.Covers(Utc(5, 22))); // Saturday 22:00: not Friday
        Assert.False(fridayNight.Covers(Utc(4, 5))); // Friday 05:00, the tail of Thursday's night
    }

    public static TheoryData<MuteWindow?, string> Bad => new()
    {
        { new MuteWindow(["funday"]), "muteWindows[0].weekdays[0]" },
        { new MuteWindow(null, "25:00", "07:00"), "muteWindows[0].start" },
        { new MuteWindow(null, "20:00", null), "muteWindows[0].end" },
        { new MuteWindow(null, "08:00", "08:00"), "muteWindows[0].end" },
        { new MuteWindow(null, null, null, "Mars/Olympus"), "muteWindows[0].timeZone" },
        { null, "muteWindows[0]" },
    };

    [Theory]
    [MemberData(nameof(Bad))]
    public void Validate_BadWindow_NamesTheField(MuteWindow? window, string field)
    {
        var errors = new List<string>();

        MuteWindowValidator.Validate([window], (f, _) => errors.Add(f));

        Assert.Contains(field, errors);
    }

    [Fact]
    public void Normalize_ExpandsRangesAndDefaultsTheZone()
    {
        var errors = new List<string>();
        MuteWindow[] windows = [new(["Friday:Monday"], "08:00", "24:00"), new(["monday:sunday"])];
        MuteWindowValidator.Validate(windows, (f, _) => errors.Add(f));

        var normalized = MuteWindowValidator.Normalize(windows)!;

        Assert.Empty(errors);
        Assert.Equal(["monday", "friday", "saturday", "sunday"], normalized[0].Weekdays!);
        Assert.Equal(("08:00", "24:00", "UTC"), (normalized[0].Start, normalized[0].End, normalized[0].TimeZone));
        Assert.Null(normalized[1].Weekdays); // every day
    }
}
