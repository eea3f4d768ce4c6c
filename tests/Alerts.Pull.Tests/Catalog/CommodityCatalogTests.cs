using System.Text;
using Alerts.Pull.Catalog;

namespace Alerts.Pull.Tests.Catalog;

public sealed class CommodityCatalogTests
{
    [Fact]
    public void Default_ShipsTheSeventeenStrategicRawMaterials()
    {
        var catalog = CommodityCatalog.Default;

        Assert.Equal(17, catalog.Commodities.Count);
        Assert.All(catalog.Commodities, c => Assert.True(c.Strategic));
        var ree = catalog.Find("rare-earths")!;
        Assert.Equal(["280530"], ree.CodesFor(ProcessingStage.Metal));
        Assert.Equal(["284610", "284690"], ree.CodesFor(ProcessingStage.Intermediate));
        Assert.Equal(["850511"], ree.CodesFor(ProcessingStage.Downstream));
        Assert.Equal(["81129289"], catalog.Find("gallium")!.CodesFor(ProcessingStage.Metal));
        Assert.Equal(["250410", "250490"], catalog.Find("graphite")!.CodesFor(ProcessingStage.Ore));
    }

    [Fact]
    public void Classify_Cn8UnderHs6_FindsCommodityAndStage()
    {
        var found = CommodityCatalog.Default.Classify("85051110").ToList();

        var (commodity, stage) = Assert.Single(found);
        Assert.Equal("rare-earths", commodity.Id);
        Assert.Equal(ProcessingStage.Downstream, stage);
    }

    [Fact]
    public void WithOverrides_OperatorFile_AddsAndReplacesById()
    {
        var json = """
        {"commodities":[
          {"id":"gallium","name":"Gallium (HS6)","stages":{"metal":["8112.92"]}},
          {"id":"antimony","name":"Antimony","stages":{"ore":["261710"],"metal":["811010"]}}]}
        """;

        var catalog = CommodityCatalog.Default.WithOverrides(new MemoryStream(Encoding.UTF8.GetBytes(json)), "ops.json");

        Assert.Equal(18, catalog.Commodities.Count);
        Assert.Equal(["811292"], catalog.Find("gallium")!.CodesFor(ProcessingStage.Metal));
        Assert.False(catalog.Find("antimony")!.Strategic);
    }

    [Theory]
    [InlineData("{\"commodities\":{}}", "$.commodities: expected an array")] // wrong shape
    [InlineData("{\"commodities\":[{\"id\":\"Rare Earths\",\"name\":\"x\",\"stages\":{}}]}", "$.commodities[0].id")] // id not stable
    [InlineData("{\"commodities\":[{\"id\":\"x\",\"stages\":{}}]}", "$.commodities[0].name")] // no name
    [InlineData("{\"commodities\":[{\"id\":\"x\",\"name\":\"x\",\"stages\":{\"smelting\":[]}}]}", "unknown stage")] // bad stage
    [InlineData("{\"commodities\":[{\"id\":\"x\",\"name\":\"x\",\"stages\":{\"ore\":[\"abc\"]}}]}", "not an HS/CN code")] // bad code
    [InlineData("{\"commodities\":[{\"id\":\"x\",\"name\":\"x\",\"stages\":{}},{\"id\":\"x\",\"name\":\"y\",\"stages\":{}}]}", "appears twice")] // duplicate id
    [InlineData("{\"commodities\":[", "malformed JSON")] // truncated
    public void Parse_BadFile_NamesFileAndPath(string json, string expected)
    {
        var e = Assert.Throws<CatalogFormatException>(() => CommodityCatalog.Parse(new MemoryStream(Encoding.UTF8.GetBytes(json)), "ops.json"));

        Assert.Contains("ops.json", e.Message, StringComparison.Ordinal);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }
}
