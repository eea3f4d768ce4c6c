using Alerts.Route.NotificationLog;
using Alerts.Route.Notifications;
using Alerts.Route.Routing;
using Alerts.Route.Silences;
using Alerts.Route.Subscriptions;
using Alerts.Route.Tests.Silences;
using Alerts.Route.Tests.Subscriptions;

namespace Alerts.Route.Tests.Routing;

public sealed class DurationsTests
{
    [Theory]
    // ISO 8601 hours
    [InlineData("PT4H", 240)]
    // ISO 8601 days and time
    [InlineData("P1DT30M", 1470)]
    // ISO 8601 weeks
    [InlineData("P1W", 10080)]
    // compact hours
    [InlineData("4h", 240)]
    // compact combined
    [InlineData("1h30m", 90)]
    // compact days
    [InlineData("2d", 2880)]
    // TimeSpan text, as System.Text.Json writes it
    [InlineData("04:00:00", 240)]
    // TimeSpan text with days
    [InlineData("1.00:00:00", 1440)]
    public void TryParse_Valid_ReturnsDuration(string text, int minutes)
    {
        Assert.True(Durations.TryParse(text, out var d));
        Assert.Equal(TimeSpan.FromMinutes(minutes), d);
    }

    [Theory]
    // empty
    [InlineData("")]
    // bare P
    [InlineData("P")]
    // unit missing
    [InlineData("4")]
    // years are ambiguous
    [InlineData("P1Y")]
    // words
    [InlineData("four hours")]
    // negative
    [InlineData("-4h")]
    public void TryParse_Invalid_ReturnsFalse(string text)
    {
        Assert.False(Durations.TryParse(text, out _));
    }

    [Theory]
    // hours
    [InlineData(240, "PT4H")]
    // day and minutes
    [InlineData(1470, "P1DT30M")]
    // whole days
    [InlineData(1440, "P1D")]
    public void ToIso8601_RoundTrips(int minutes, string expected)
    {
        var text = Durations.ToIso8601(TimeSpan.FromMinutes(minutes));

        Assert.Equal(expected, text);
        Assert.True(Durations.TryParse(text, out var back));
        Assert.Equal(TimeSpan.FromMinutes(minutes), back);
    }
}
