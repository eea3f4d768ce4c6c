using Alerts.Compute.SupplyRisk;

namespace Alerts.Compute.Tests.SupplyRisk;

public sealed class ProductionTableTests
{
    [Theory]
    [InlineData("reporter,product,year,quantity_kg,source\nEU27_2020,280530,2024,1200000.5,national statistics\n")] // CSV
    [InlineData("{\"entries\":[{\"reporter\":\"EU27_2020\",\"product\":\"280530\",\"year\":2024,\"quantityKg\":1200000.5,\"source\":\"national statistics\"}]}")] // JSON
    public void Parse_EitherFormat_ReadsEntry(string content)
    {
        var table = ProductionTable.Parse(content, "production");

        Assert.True(table.TryGet("EU27_2020", "280530", 2024, out var e));
        Assert.Equal(1_200_000.5m, e.QuantityKg);
        Assert.Equal("national statistics", e.Source);
        Assert.False(table.TryGet("EU27_2020", "280530", 2023, out _));
    }

    [Theory]
    [InlineData("reporter,product,year\n", "line 1")] // header without quantity
    [InlineData("reporter,product,year,quantity_kg\nEU27_2020,280530,2024,-5\n", "line 2: quantity_kg")] // negative
    [InlineData("reporter,product,year,quantity_kg\nEU27_2020,280530,2024,5\nEU27_2020,280530,2024,6\n", "line 3: duplicate")] // twice
    [InlineData("{\"entries\":[{\"reporter\":\"EU27_2020\",\"product\":\"280530\",\"year\":2024}]}", "$.entries[0].quantityKg")] // missing field
    [InlineData("{\"entries\":[{\"reporter\":\"EU27_2020\",\"product\":\"280530\",\"year\":\"x\",\"quantityKg\":1}]}", "$.entries[0].year")] // wrong type
    [InlineData("{\"entries\":", "not valid JSON")] // truncated
    public void Parse_BadInput_ErrorNamesFileAndPlace(string content, string expected)
    {
        var e = Assert.Throws<FormatException>(() => ProductionTable.Parse(content, "production.json"));
        Assert.Contains("production.json", e.Message, StringComparison.Ordinal);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }
}
