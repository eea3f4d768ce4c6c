using Alerts.Compute.Engine;
using Alerts.Compute.Series;
using Alerts.Evaluate.Rules;

using Alerts.Pull.Statistics;

namespace Alerts.Compute.Tests.Series;

public sealed class SeriesIndicesTests
{
    private static readonly SeriesIndices Row = new(
        new SeriesKey("EU27_2020", "850511", TradeFlow.Import), Basis.Weight, Period.Monthly(2024, 6), ConcentrationCalculator.Compute([new SupplierAmount("CN", 1)]));

    [Theory]
    [InlineData(IndexSelection.Published, null, true)] // published periods are complete by definition
    [InlineData(IndexSelection.Monthly, 1, true)] // one month is the whole window
    [InlineData(IndexSelection.Rolling12, 12, true)] // twelve months of data
    [InlineData(IndexSelection.Rolling12, 11, false)] // a month missing
    [InlineData(IndexSelection.Annual, 6, false)] // year to date
    [InlineData(IndexSelection.Annual, null, true)] // not counted: taken as complete
    public void IsComplete_WindowAndMonths_AsExpected(IndexSelection window, int? months, bool expected)
    {
        Assert.Equal(expected, (Row with { Window = window, MonthsCovered = months }).IsComplete);
    }

    [Fact]
    public void Window_NotGiven_IsPublished()
    {
        Assert.Equal((IndexSelection.Published, (int?)null), (Row.Window, Row.MonthsCovered));
    }
}
