using Alerts.Pull.Catalog;

namespace Alerts.Pull.Tests.Catalog;

public sealed class CommodityStandInsTests
{
    private static readonly string[] DefaultProducts = ["280530", "284690", "850511", "811292", "250410", "250490"];

    [Fact]
    public void Of_DefaultSelection_RareEarthProductsStandInGraphiteCodesDoNot()
    {
        var series = CommoditySelection.Select(CommodityCatalog.Default, DefaultProducts, null).Series;

        var standIns = CommodityStandIns.Of(CommodityCatalog.Default, DefaultProducts, series);

        // Each rare-earth stage is one pulled product, not a series of its own; graphite ore is the summed series.
        Assert.Equal(["280530", "284690", "850511"], standIns.Keys.Order(StringComparer.Ordinal));
        Assert.All(standIns.Values, ids => Assert.Equal(["rare-earths"], ids));
    }

    [Fact]
    public void Of_StageComputedAsItsOwnSeries_ItsProductStandsInForNothing()
    {
        var series = CommoditySelection.Select(CommodityCatalog.Default, DefaultProducts, ["rare-earths/downstream", "graphite"]).Series;

        var standIns = CommodityStandIns.Of(CommodityCatalog.Default, DefaultProducts, series);

        Assert.False(standIns.ContainsKey("850511"));
        Assert.Equal(["rare-earths"], standIns["280530"]);
    }

    [Fact]
    public void Of_NoCommoditySeries_EveryCoveringProductStandsIn()
    {
        var standIns = CommodityStandIns.Of(CommodityCatalog.Default, DefaultProducts, []);

        Assert.Equal(["graphite"], standIns["250410"]);
        Assert.Equal(["graphite"], standIns["250490"]);
        Assert.False(standIns.ContainsKey("811292")); // coarser than gallium's and germanium's CN8 codes: isolates neither
    }
}
