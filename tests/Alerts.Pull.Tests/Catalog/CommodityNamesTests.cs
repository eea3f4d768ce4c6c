using Alerts.Pull.Catalog;

namespace Alerts.Pull.Tests.Catalog;

public sealed class CommodityNamesTests
{
    [Theory]
    // a commodity series
    [InlineData("rare-earths/metal", true, "rare-earths", ProcessingStage.Metal)]
    // the stage in any case
    [InlineData("graphite/Ore", true, "graphite", ProcessingStage.Ore)]
    // a product code
    [InlineData("850511", false, "", ProcessingStage.Ore)]
    // an unknown stage
    [InlineData("graphite/flakes", false, "", ProcessingStage.Ore)]
    // a number is not a stage even though the enum would parse it
    [InlineData("graphite/2", false, "", ProcessingStage.Ore)]
    // nothing before or after the slash
    [InlineData("/metal", false, "", ProcessingStage.Ore)]
    [InlineData("graphite/", false, "", ProcessingStage.Ore)]
    public void TryParseSeries_Product_SplitsIdAndStage(string product, bool ok, string id, ProcessingStage stage)
    {
        Assert.Equal(ok, CommodityNames.TryParseSeries(product, out var parsedId, out var parsedStage));
        Assert.Equal(id, parsedId);
        Assert.Equal(stage, parsedStage);
    }

    [Fact]
    public void For_SeriesProduct_CommodityNameAndStage()
    {
        var graphite = CommodityCatalog.Default.Find("graphite")!;

        Assert.Equal("Graphite (battery grade) (ore)", CommodityNames.For(graphite, ProcessingStage.Ore));
        Assert.Equal("Graphite (battery grade) (ore)", ProductNames.For("graphite/ore"));
        Assert.Equal("natural graphite (other)", ProductNames.For("250490"));
        Assert.Equal("unknown/ore", ProductNames.For("unknown/ore"));
    }
}
