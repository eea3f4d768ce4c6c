using Alerts.Compute.Engine;

using Alerts.Pull.Statistics;

namespace Alerts.Pull.Tests.Statistics;

public sealed class PeriodTests
{
    [Theory]
    [InlineData("2024", 2024, 0)] // annual
    [InlineData("2024-03", 2024, 3)] // SDMX / JSON-stat monthly
    [InlineData("2024M03", 2024, 3)] // other Eurostat datasets
    [InlineData("202403", 2024, 3)] // Comtrade period
    public void TryParse_KnownFormats_ReadsYearAndMonth(string text, int year, int month)
    {
        Assert.True(Period.TryParse(text, out var period));
        Assert.Equal(new Period(year, month), period);
    }

    [Theory]
    [InlineData("")]
    [InlineData("24")]
    [InlineData("2024-13")]
    [InlineData("2024Q1")]
    [InlineData("abcd")]
    public void TryParse_Garbage_ReturnsFalse(string text) => Assert.False(Period.TryParse(text, out _));
}
