using Alerts.Compute.Stockpiling;
using Alerts.Pull.Catalog;

namespace Alerts.Compute.Tests.Stockpiling;

public sealed class StockTableTests
{
    private const string Header = "commodity,stage,tonnes,as_of,source\n";

    [Fact]
    public void Parse_ValidFile_EntriesBySeries()
    {
        var table = StockTable.Parse(Header + "# a comment\nrare-earths,metal,120.5,2025-06-30,national stockpile\ngraphite,ore,3000,2025-03-31\n", "stocks.csv", CommodityCatalog.Default);

        Assert.Equal(new StockEntry("rare-earths", ProcessingStage.Metal, 120.5m, new DateOnly(2025, 6, 30), "national stockpile"), table.For("rare-earths/metal"));
        Assert.Equal(3000m, table.For("graphite/ore")!.Tonnes);
        Assert.Null(table.For("graphite/intermediate"));
        Assert.NotEqual(StockTable.Empty.Fingerprint, table.Fingerprint);
    }

    // Each bad line is named with its line number and field.
    [Theory]
    [InlineData("unobtainium,metal,1,2025-01-01", "stocks.csv line 2: field 'commodity': 'unobtainium' is not a commodity id of the catalog.")]
    [InlineData("gallium,smelted,1,2025-01-01", "stocks.csv line 2: field 'stage': 'smelted' is not a stage (ore, intermediate, metal, downstream).")]
    [InlineData("gallium,ore,1,2025-01-01", "stocks.csv line 2: field 'stage': gallium has no codes at stage ore in the catalog, so no imports to cover.")]
    [InlineData("gallium,metal,-4,2025-01-01", "stocks.csv line 2: field 'tonnes': '-4' is not a non-negative number.")]
    [InlineData("gallium,metal,4,31/01/2025", "stocks.csv line 2: field 'as_of': '31/01/2025' is not a date (YYYY-MM-DD).")]
    [InlineData("gallium,metal,4", "stocks.csv line 2: expected 4 or 5 fields (commodity,stage,tonnes,as_of[,source]), found 3.")]
    [InlineData("gallium,metal,4,2025-01-01\ngallium,metal,5,2025-02-01", "stocks.csv line 3: field 'stage': gallium/metal is listed twice.")]
    public void Parse_BadLine_NamesFileLineAndField(string lines, string message)
    {
        var e = Assert.Throws<StockTableException>(() => StockTable.Parse(Header + lines + "\n", "stocks.csv", CommodityCatalog.Default));

        Assert.Equal(message, e.Message);
    }

    [Fact]
    public void Load_MissingFile_NamesTheSetting()
    {
        var e = Assert.Throws<StockTableException>(() => StockTableLoader.Load(new StockpilingOptions { StocksPath = "/nonexistent/stocks.csv" }, CommodityCatalog.Default));

        Assert.StartsWith("Setting Stockpiling:StocksPath: cannot read '/nonexistent/stocks.csv'", e.Message, StringComparison.Ordinal);
    }
}
