using Alerts.Cli.Serve;
using Microsoft.Extensions.Configuration;

namespace Alerts.Cli.Tests.Serve;

/// <summary>A timer's <c>%Setting%</c> schedule resolved and parsed as the Functions host does (six-field NCRONTAB, UTC).</summary>
public sealed class TimerScheduleTests
{
    private static readonly TimerFunction Route = new("RouteBreaches", "Alerts.Functions.Routing.RouteBreachesFunction.RouteBreaches", "%Schedules:Route%");

    [Theory]
    // every five seconds, as serve's local default
    [InlineData("*/5 * * * * *", "2025-01-01T10:00:02Z", "2025-01-01T10:00:05Z")]
    // daily at 06:00:00 UTC, the pull's default
    [InlineData("0 0 6 * * *", "2025-01-01T06:00:00Z", "2025-01-02T06:00:00Z")]
    public void Next_SettingExpression_NextOccurrenceInUtc(string expression, string after, string expected)
    {
        var schedule = TimerSchedule.Resolve(Route, Settings(expression));

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            schedule.Next(DateTimeOffset.Parse(after, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    // the setting is missing
    [InlineData(null, "setting Schedules__Route is not set")]
    // five fields: Functions schedules have seconds
    [InlineData("*/5 * * * *", "setting Schedules__Route '*/5 * * * *' is not a six-field NCRONTAB expression")]
    public void Resolve_MissingOrBadSetting_NamesTheSetting(string? expression, string message)
    {
        var error = Assert.Throws<TimerScheduleException>(() => TimerSchedule.Resolve(Route, Settings(expression)));

        Assert.Contains("RouteBreaches", error.Message, StringComparison.Ordinal);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    private static IConfiguration Settings(string? route) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Schedules:Route"] = route }).Build();
}
