using Alerts.Pull.Catalog;

namespace Alerts.Pull.Tests;

public sealed class ProductOutcomeTests
{
    // What demo --json's products carry in commodityIds.
    [Theory]
    [InlineData("280530", null, "rare-earths")] // a product: the commodity whose stage lists it
    [InlineData("850760", null, "graphite,lithium")] // a code two materials share
    [InlineData("85051110", null, "rare-earths")] // a CN8 under a catalog HS6
    [InlineData("811292", null, "")] // an HS6 coarser than the catalog's CN8 codes covers no commodity
    [InlineData("graphite/ore", "graphite", "graphite")] // a commodity series: its commodity
    public void WithCommodityIds_ProductOrSeries_TheCommoditiesItCovers(string product, string? commodity, string expected)
    {
        var outcome = new ProductOutcome("comext", product, ProductStatus.Fetched, 1, 1, null, null, Commodity: commodity);

        var ids = outcome.WithCommodityIds(CommodityCatalog.Default).CommodityIds!;

        Assert.Equal(expected, string.Join(",", ids.Order(StringComparer.Ordinal)));
    }
}
