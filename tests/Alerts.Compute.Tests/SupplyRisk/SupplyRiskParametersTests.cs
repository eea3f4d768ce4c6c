using Alerts.Compute.SupplyRisk;

namespace Alerts.Compute.Tests.SupplyRisk;

public sealed class SupplyRiskParametersTests
{
    private const string Valid = """
        {"materials":[{"material":"rare earths","year":2022,"stages":[
          {"stage":"extraction","globalSupply":{"CN":0.7,"US":0.15,"AU":0.15}},
          {"stage":"processing","globalSupply":{"CN":0.9,"MY":0.1},"importReliance":1,"eolRir":0.01,"substitutionIndex":0.96,"tradeRestrictions":{"CN":1.1}}]}]}
        """;

    [Fact]
    public void Parse_ValidFile_ReadsStagesAndOptionalInputs()
    {
        var m = Assert.Single(SupplyRiskParameters.Parse(Valid, "sr.json"));

        Assert.Equal(("rare earths", 2022), (m.Material, m.Year));
        Assert.Equal([SupplyStage.Extraction, SupplyStage.Processing], m.Stages.Select(s => s.Stage));
        Assert.Null(m.Stages[0].EolRir); // absent: the calculator's default applies
        Assert.Equal(1.1, m.Stages[1].TradeRestrictions!["CN"]);
        Assert.Equal(0.96, m.Stages[1].SubstitutionIndex);
    }

    [Fact]
    public void Parse_ProductAndReporter_LinkTheStageToTradeData()
    {
        var m = Assert.Single(SupplyRiskParameters.Parse(
            """{"materials":[{"material":"x","year":2024,"reporter":"DE","stages":[{"stage":"processing","product":"rare-earths/metal","globalSupply":{}}]}]}""", "sr.json"));

        Assert.Equal("DE", m.Reporter);
        Assert.Equal("rare-earths/metal", m.Stages[0].Product);
        Assert.Equal("EU27_2020", SupplyRiskParameters.Parse(Valid, "sr.json")[0].Reporter); // default
        Assert.Null(SupplyRiskParameters.Parse(Valid, "sr.json")[0].Stages[0].Product);
    }

    [Fact]
    public void WithEuSourcing_FromTrade_FeedsTheCalculator()
    {
        var m = SupplyRiskParameters.Parse(Valid, "sr.json")[0]
            .WithEuSourcing(SupplyStage.Processing, [new("CN", 700), new("MY", 300)])
            .WithEuSourcing(SupplyStage.Extraction, [new("CN", 1)]);

        var result = new SupplyRiskCalculator().Compute(m.Material, m.Year, m.Stages);

        var highest = result.Stages.MaxBy(s => s.SupplyRisk)!;
        Assert.Equal(highest.Stage, result.Bottleneck);
        Assert.Equal(highest.SupplyRisk, result.SupplyRisk);
        Assert.Equal(2, result.Stages.Count);
        Assert.Contains(result.Stages[0].Defaults, d => d.StartsWith("SI = 1", StringComparison.Ordinal)); // extraction left to defaults
        Assert.True(result.IsIndicative);
    }

    [Theory]
    [InlineData("{}", "$.materials")] // no materials
    [InlineData("""{"materials":[{"material":"x","year":2022,"stages":[{"stage":"mining","globalSupply":{}}]}]}""", "$.materials[0].stages[0].stage")] // unknown stage
    [InlineData("""{"materials":[{"material":"x","year":2022,"stages":[{"stage":"processing"}]}]}""", "stages[0].globalSupply")] // missing supply
    [InlineData("""{"materials":[{"material":"x","year":2022,"stages":[{"stage":"processing","globalSupply":{"CN":-1}}]}]}""", "globalSupply.CN")] // negative
    [InlineData("""{"materials":[{"material":"x","year":2022,"stages":[{"stage":"processing","globalSupply":{},"eolRir":2}]}]}""", "eolRir")] // out of range
    [InlineData("""{"materials":[{"material":"x","year":2022,"stages":[{"stage":"processing","globalSupply":{},"tradeRestrictions":{"CN":0.5}}]}]}""", "tradeRestrictions.CN")] // t below 1
    [InlineData("{\"materials\":[", "not valid JSON")] // truncated
    [InlineData("""{"materials":[{"material":"x","year":2022,"stages":[{"stage":"processing","product":7,"globalSupply":{}}]}]}""", "stages[0].product")] // product not a string
    [InlineData("""{"materials":[{"material":"x","year":2022,"stages":[{"stage":"processing","globalSupply":{}},{"stage":"processing","globalSupply":{}}]}]}""", "$.materials[0].stages: a stage is given more than once")] // stage twice
    [InlineData("""{"materials":[{"material":"x","year":2022,"stages":[{"stage":"processing","product":"p","globalSupply":{}}]},{"material":"y","year":2022,"stages":[{"stage":"extraction","product":"p","globalSupply":{}}]}]}""", "$.materials[1]: product p")] // product linked twice
    [InlineData("""{"materials":[{"material":"x","year":2022,"reporter":"","stages":[]}]}""", "$.materials[0].reporter")] // empty reporter
    public void Parse_BadInput_ErrorNamesFileAndPath(string json, string expected)
    {
        var e = Assert.Throws<FormatException>(() => SupplyRiskParameters.Parse(json, "sr.json"));
        Assert.Contains("sr.json", e.Message, StringComparison.Ordinal);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }
}
