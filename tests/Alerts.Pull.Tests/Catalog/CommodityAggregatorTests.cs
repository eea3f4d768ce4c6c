using Alerts.Compute.Engine;
using Alerts.Pull.Catalog;
using Alerts.Pull.Statistics;

namespace Alerts.Pull.Tests.Catalog;

public sealed class CommodityAggregatorTests
{
    private static TradeObservation Obs(string partner, string product, decimal? kg, decimal? eur) =>
        new("EU27_2020", partner, product, TradeFlow.Import, Period.Annual(2024), kg, eur, "EUR");

    [Fact]
    public void Aggregate_TwoCodesOfAStage_SumsPerPartnerBeforeShares()
    {
        var ree = CommodityCatalog.Default.Find("rare-earths")!;
        var obs = new[]
        {
            Obs("CN", "284610", 100, 10), Obs("CN", "284690", 300, 30), Obs("MY", "284690", 200, null),
            Obs("MY", "284610", null, null), Obs("CN", "280530", 999, 999), // a different stage
        };

        var sums = CommodityAggregator.Aggregate(obs, ree, ProcessingStage.Intermediate);

        Assert.Equal([Obs("CN", "rare-earths/intermediate", 400, 40), Obs("MY", "rare-earths/intermediate", 200, null)], sums);
    }

    [Fact]
    public void Aggregate_Hs6AndCn8Present_UsesTheExactCodeOnly()
    {
        var ree = CommodityCatalog.Default.Find("rare-earths")!;
        var obs = new[] { Obs("CN", "850511", 100, 1), Obs("CN", "85051110", 90, 1), Obs("CN", "85051190", 10, 1) };

        var exact = CommodityAggregator.Aggregate(obs, ree, ProcessingStage.Downstream);
        var finer = CommodityAggregator.Aggregate(obs.Skip(1), ree, ProcessingStage.Downstream);

        Assert.Equal(100, Assert.Single(exact).QuantityKg);
        Assert.Equal(100, Assert.Single(finer).QuantityKg);
    }
}
