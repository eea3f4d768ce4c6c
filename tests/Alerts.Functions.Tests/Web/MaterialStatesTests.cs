using Alerts.Evaluate.Lifecycle;
using Alerts.Functions.Web;
using Alerts.Pull.Catalog;
using Alerts.Pull.Statistics;

namespace Alerts.Functions.Tests.Web;

/// <summary>A material's state on the overview from the live alert rows of its series, worst first.</summary>
public sealed class MaterialStatesTests
{
    private static readonly Commodity Copper = CommodityCatalog.Default.Find("copper")!;
    private static readonly MaterialSeries Headline = new(Copper, ProcessingStage.Metal, "740311", null);

    [Theory]
    [InlineData(AlertStatus.Firing, MaterialState.Firing)]
    [InlineData(AlertStatus.Recovering, MaterialState.Firing)] // still counts as firing until keepFiringFor is over
    [InlineData(AlertStatus.Pending, MaterialState.Pending)]
    public void Of_AnAlertInAState_GivesItsMaterialState(AlertStatus state, MaterialState expected) =>
        Assert.Equal(expected, MaterialStates.Of([Alert("740311", state)], Headline));

    [Fact]
    public void Of_FiringBeatsPendingBeatsNoData()
    {
        var noData = Alert("740311", AlertStatus.Inactive) with { NoDataAt = DateTimeOffset.UnixEpoch };

        Assert.Equal(MaterialState.Firing, MaterialStates.Of([noData, Alert("740311", AlertStatus.Pending), Alert("740319", AlertStatus.Firing)], Headline));
        Assert.Equal(MaterialState.Pending, MaterialStates.Of([noData, Alert("740319", AlertStatus.Pending)], Headline));
        Assert.Equal(MaterialState.NoData, MaterialStates.Of([noData], Headline));
    }

    [Fact]
    public void Of_NoDataOnAnotherSeriesThanTheHeadline_IsOk_AndNoHeadlineIsNoData()
    {
        var elsewhere = Alert("740319", AlertStatus.Inactive) with { NoDataAt = DateTimeOffset.UnixEpoch };

        Assert.Equal(MaterialState.Ok, MaterialStates.Of([elsewhere], Headline));
        Assert.Equal(MaterialState.Ok, MaterialStates.Of([], Headline));
        Assert.Equal(MaterialState.NoData, MaterialStates.Of([], null));
    }

    private static AlertRecord Alert(string product, AlertStatus state) => new(
        "fp-" + product + "-" + state, "cr1-crma", "EU27_2020", product, TradeFlow.Import, Basis.Weight, "cr1", "warning", "Copper",
        state, new Period(2024, 0), 0.7, 0.65, "v1", null, null, null, new Dictionary<Period, AlertedPeriod>(), DateTimeOffset.UnixEpoch, "run-1");
}
