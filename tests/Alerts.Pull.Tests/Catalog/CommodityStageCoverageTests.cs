using Alerts.Pull.Catalog;

namespace Alerts.Pull.Tests.Catalog;

public sealed class CommodityStageCoverageTests
{
    private static readonly Commodity Ree = CommodityCatalog.Default.Find("rare-earths")!;

    [Theory]
    // both codes pulled: complete
    [InlineData("284610,284690", "284610+284690", "")]
    // one of two: partial, the other named
    [InlineData("284690", "284690", "284610")]
    // CN8 codes under a catalog HS6 code cover it (the aggregator sums them in its place)
    [InlineData("28461010,28461090,284690", "28461010+28461090+284690", "")]
    // codes of other stages and commodities are ignored
    [InlineData("280530,850511,284690", "284690", "284610")]
    public void Of_PulledProducts_ProductsAndMissingCodes(string pulled, string products, string missing)
    {
        var coverage = CommodityStageCoverage.Of(Ree, ProcessingStage.Intermediate, pulled.Split(','))!;

        Assert.Equal(products, string.Join("+", coverage.Products));
        Assert.Equal(missing, string.Join("+", coverage.MissingCodes));
        Assert.Equal(missing.Length > 0, coverage.IsPartial);
    }

    [Theory]
    // nothing of the stage pulled
    [InlineData(ProcessingStage.Intermediate, "850511")]
    // a coarser code (HS4 8505) does not isolate the commodity's HS6 code
    [InlineData(ProcessingStage.Downstream, "8505")]
    // a stage without codes
    [InlineData(ProcessingStage.Ore, "280530")]
    public void Of_NothingCovered_IsNull(ProcessingStage stage, string pulled)
    {
        Assert.Null(CommodityStageCoverage.Of(Ree, stage, pulled.Split(',')));
    }

    [Fact]
    public void Note_Partial_NamesTheMissingCodes()
    {
        var coverage = CommodityStageCoverage.Of(Ree, ProcessingStage.Intermediate, ["284690"])!;

        Assert.Equal("Partial: catalog codes 284610 not pulled (setting Pull:Products).", coverage.Note);
        Assert.Null(CommodityStageCoverage.Of(Ree, ProcessingStage.Metal, ["280530"])!.Note);
    }

    [Theory]
    // the id names every stage
    [InlineData("rare-earths", true)]
    // the series itself, any case
    [InlineData("RARE-EARTHS/metal", true)]
    // another stage
    [InlineData("rare-earths/downstream", false)]
    // a prefix of the id is not the id
    [InlineData("rare", false)]
    public void IsNamedBy_ScopeEntry_AsExpected(string entry, bool expected)
    {
        Assert.Equal(expected, CommodityStageCoverage.Of(Ree, ProcessingStage.Metal, ["280530"])!.IsNamedBy(entry));
    }
}
