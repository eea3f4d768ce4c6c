using Alerts.Pull.Catalog;

namespace Alerts.Pull.Tests.Catalog;

public sealed class CommoditySelectionTests
{
    // The products the pull reads by default (PullOptions.DefaultProducts).
    private static readonly string[] DefaultProducts = ["280530", "284690", "850511", "811292", "250410", "250490"];

    private static string Describe(CommodityStageCoverage s) =>
        $"{s.SeriesProduct}={string.Join("+", s.Products)}{(s.IsPartial ? " missing " + string.Join("+", s.MissingCodes) : string.Empty)}";

    [Fact]
    public void Select_NothingRequested_EveryStageSummingTwoOrMorePulledProducts()
    {
        var selection = CommoditySelection.Select(CommodityCatalog.Default, DefaultProducts, []);

        Assert.Empty(selection.Problems);
        // The rare-earth stages each sum one pulled product (284690, 280530, 850511): they would repeat those products'
        // series, so only graphite ore (two codes) is a series of its own. 811292 is HS6 under which gallium's and
        // germanium's CN8 codes sit: coarser, so it isolates neither.
        Assert.Equal(["graphite/ore=250410+250490"], selection.Series.Select(Describe));
    }

    [Fact]
    public void Select_NothingRequestedEveryRareEarthCodePulled_TheStagesSummingSeveralProducts()
    {
        var pulled = DefaultProducts.Append("284610").ToList();

        var selection = CommoditySelection.Select(CommodityCatalog.Default, pulled, null);

        Assert.Equal(["graphite/ore=250410+250490", "rare-earths/intermediate=284610+284690"], selection.Series.Select(Describe).Order());
    }

    [Theory]
    // an id: every stage of it that the products cover
    [InlineData("rare-earths", "rare-earths/intermediate=284690 missing 284610|rare-earths/metal=280530|rare-earths/downstream=850511")]
    // one stage, case-insensitive
    [InlineData("Graphite/Ore", "graphite/ore=250410+250490")]
    // two entries, in the order given; a repeat is taken once
    [InlineData("rare-earths/downstream,graphite,graphite/ore", "rare-earths/downstream=850511|graphite/ore=250410+250490")]
    public void Select_Requested_TheNamedCoveredStages(string requested, string expected)
    {
        var selection = CommoditySelection.Select(CommodityCatalog.Default, DefaultProducts, requested.Split(','));

        Assert.Empty(selection.Problems);
        Assert.Equal(expected.Split('|'), selection.Series.Select(Describe));
    }

    [Theory]
    // not in the catalog
    [InlineData("unobtainium", "[0] 'unobtainium' is not a commodity id of the catalog")]
    // in the catalog, but none of its codes is pulled
    [InlineData("cobalt", "[0] 'cobalt': none of its codes (260500, 282200, 810520) is among the pulled products")]
    // a stage without codes in the catalog
    [InlineData("graphite/metal", "[0] 'graphite/metal': none of its codes (none in the catalog) is among the pulled products")]
    // a stage whose codes are finer than the product pulled
    [InlineData("graphite,gallium", "[1] 'gallium': none of its codes (81129289) is among the pulled products")]
    public void Select_BadRequest_NamesTheEntryAndWhy(string requested, string problem)
    {
        var selection = CommoditySelection.Select(CommodityCatalog.Default, DefaultProducts, requested.Split(','));

        Assert.StartsWith(problem, Assert.Single(selection.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Select_OperatorCommodity_IsSelectedLikeAShippedOne()
    {
        var magnets = new Commodity("magnet-supply-chain", "Magnet supply chain", false, new Dictionary<ProcessingStage, IReadOnlyList<string>>
        {
            [ProcessingStage.Downstream] = ["850511", "280530"],
        });
        var catalog = new CommodityCatalog(CommodityCatalog.Default.Commodities.Append(magnets));

        var selection = CommoditySelection.Select(catalog, DefaultProducts, ["magnet-supply-chain"]);

        Assert.Equal("magnet-supply-chain/downstream=850511+280530", Describe(Assert.Single(selection.Series)));
        Assert.Equal("Magnet supply chain (downstream)", selection.Series[0].Name);
    }
}
