using Alerts.Compute.SupplyRisk;

namespace Alerts.Compute.Tests.SupplyRisk;

public sealed class SupplyRiskCalculatorTests
{
    private static readonly WgiTable Operator = WgiTable.Parse(
        new StringReader("country,year,estimate\nCN,2022,-0.441\nAU,2022,0.934\nMY,2022,0.140\n"),
        "wgi.csv",
        "operator",
        "test",
        "average of six");

    [Fact]
    public void Compute_HandComputedCase_MatchesFormula()
    {
        // WGI scaled: CN (2.5+0.441)*2 = 5.882, AU (2.5-0.934)*2 = 3.132, MY (2.5-0.140)*2 = 4.72; t_CN = 1.1.
        // global CN 60%, AU 40%: 0.36*5.882*1.1 + 0.16*3.132 = 2.830392
        // EU sourcing CN 50%, MY 50%: 0.25*5.882*1.1 + 0.25*4.72 = 2.79755
        // IR = (800-200)/(400+800-200) = 0.6; SR = (2.830392*0.3 + 2.79755*0.7) * (1-0.1) * 0.9 = 2.27399611...
        var result = new SupplyRiskCalculator(Operator).Compute("rare earths", 2022, [Processing(eol: 0.1, si: 0.9)]);

        var stage = Assert.Single(result.Stages);
        Assert.Equal(2.830392, stage.HhiWgiGlobal, 9);
        Assert.Equal(2.79755, stage.HhiWgiEu, 9);
        Assert.Equal(0.6, stage.ImportReliance, 12);
        Assert.Equal(((2.830392 * 0.3) + (2.79755 * 0.7)) * 0.9 * 0.9, stage.SupplyRisk, 9);
        Assert.False(stage.IsIndicative, string.Join("; ", stage.Defaults));
        Assert.True(result.AtOrAboveThreshold);
    }

    [Fact]
    public void Compute_TwoStages_BottleneckIsTheHigher()
    {
        var extraction = Processing(eol: 0.5, si: 0.5) with { Stage = SupplyStage.Extraction };
        var result = new SupplyRiskCalculator(Operator).Compute("rare earths", 2022, [extraction, Processing(eol: 0, si: 1)]);

        Assert.Equal(SupplyStage.Processing, result.Bottleneck);
        Assert.Equal(result.Stages[1].SupplyRisk, result.SupplyRisk);
        Assert.True(result.Stages[0].SupplyRisk < result.Stages[1].SupplyRisk);
    }

    [Fact]
    public void Compute_DefaultsUsed_IndicativeAndListed()
    {
        var inputs = new StageInputs
        {
            Stage = SupplyStage.Processing,
            GlobalSupply = [new("CN", 9), new("XX", 1)],
            EuSourcing = [new("CN", 1)],
        };

        var result = new SupplyRiskCalculator().Compute("gallium", 2024, [inputs]);

        var stage = result.Stages[0];
        Assert.True(result.IsIndicative);
        Assert.Equal(1, stage.ImportReliance); // nothing known: all imported
        Assert.Equal(0, stage.EolRir);
        Assert.Equal(1, stage.SubstitutionIndex);
        Assert.Contains(stage.Defaults, d => d.Contains("political-stability", StringComparison.Ordinal)); // shipped table
        Assert.Contains(stage.Defaults, d => d.Contains("WGI missing for XX", StringComparison.Ordinal));
        Assert.Contains(stage.Defaults, d => d.Contains("WGI 2022 used for CN", StringComparison.Ordinal)); // 2024 not in table
        Assert.Contains(stage.Defaults, d => d.StartsWith("t_c = 1", StringComparison.Ordinal));
        Assert.Contains(stage.Defaults, d => d.StartsWith("EoL-RIR = 0", StringComparison.Ordinal));
        Assert.Contains(stage.Defaults, d => d.StartsWith("SI = 1", StringComparison.Ordinal));
        Assert.Equal("World Bank WGI, CC BY 4.0", result.WgiSource);
    }

    [Theory]
    [InlineData(1000, 0, 0, 1.0)] // no production: fully import reliant
    [InlineData(100, 300, 500, 0.0)] // net exporter: clamped to 0
    [InlineData(500, 100, 600, 0.4)] // (500-100)/(600+500-100)
    public void Compute_ImportReliance_ClampedToUnitInterval(double imports, double exports, double production, double expected)
    {
        var inputs = Processing(0, 1) with { Imports = (decimal)imports, Exports = (decimal)exports, Production = (decimal)production };

        var stage = new SupplyRiskCalculator(Operator).Compute("x", 2022, [inputs]).Stages[0];

        Assert.Equal(expected, stage.ImportReliance, 12);
    }

    [Fact]
    public void Compute_GivenImportRelianceAboveOne_Clamped()
    {
        var stage = new SupplyRiskCalculator(Operator).Compute("x", 2022, [Processing(0, 1) with { ImportReliance = 1.7 }]).Stages[0];
        Assert.Equal(1, stage.ImportReliance);
        Assert.Equal((stage.HhiWgiGlobal / 2) + (stage.HhiWgiEu / 2), stage.SupplyRisk, 12);
    }

    private static StageInputs Processing(double eol, double si) => new()
    {
        Stage = SupplyStage.Processing,
        GlobalSupply = [new("CN", 60), new("AU", 40)],
        EuSourcing = [new("MY", 400), new("CN", 400)],
        Imports = 800,
        Exports = 200,
        Production = 400,
        EolRir = eol,
        SubstitutionIndex = si,
        TradeRestrictions = new Dictionary<string, double> { ["CN"] = 1.1 },
    };
}
