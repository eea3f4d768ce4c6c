using Alerts.Compute.Engine;
using Alerts.Compute.Series;
using Alerts.Compute.SupplyRisk;
using Alerts.Evaluate.Rules;
using Alerts.Pull.Statistics;

namespace Alerts.Compute.Tests.SupplyRisk;

public sealed class SupplyMetricsCalculatorTests
{
    // 2024: China 700, Russia 300 imported; 200 exported to the US, 50 to Germany (intra-EU: not in the scope);
    // aggregates WORLD and EXT_EU27_2020 that must not count as suppliers.
    private static readonly TradeObservation[] Trade =
    [
        Obs("CN", TradeFlow.Import, 700), Obs("RU", TradeFlow.Import, 300), Obs("WORLD", TradeFlow.Import, 1100),
        Obs("US", TradeFlow.Export, 200), Obs("DE", TradeFlow.Export, 50), Obs("EXT_EU27_2020", TradeFlow.Export, 200),
    ];

    private static readonly ProductionTable Production = ProductionTable.Parse("reporter,product,year,quantity_kg\nEU27_2020,280530,2024,500\n", "p.csv");

    private const string Parameters = """
        {"materials":[{"material":"rare earths","year":2024,"stages":[
          {"stage":"extraction","product":"253090","globalSupply":{"CN":0.7,"US":0.3}},
          {"stage":"processing","product":"280530","globalSupply":{"CN":0.9,"MY":0.1},"eolRir":0,"substitutionIndex":1,"tradeRestrictions":{}}]}]}
        """;

    [Fact]
    public void Compute_ProductionAndExports_ConsumptionShareOverThirdCountriesOnly()
    {
        var metrics = SupplyMetricsCalculator.Compute(Trade, SupplyRiskInputs.None with { Production = Production });

        var row = metrics.CrmaFor("EU27_2020", "280530", 2024, Basis.Weight)!;
        // 700 / (500 + 1000 - 200) = 0.538...: DE and the aggregates are not third-country flows.
        Assert.Equal(200m, row.Exports);
        Assert.Equal(700.0 / 1300.0, row.TopConsumptionShare!.Value, 12);
        Assert.Equal(0.7, row.TopImportShare, 12);
        var value = metrics.CrmaFor("EU27_2020", "280530", 2024, Basis.Value)!;
        Assert.Equal(CrmaProxy.ImportShareOnly, value.Available); // production is in kg
    }

    [Fact]
    public void Compute_StageLinkedToAProductInTheData_TakesItsSourcingAndImportReliance()
    {
        var inputs = SupplyRiskInputs.None with { Production = Production, Parameters = SupplyRiskParameters.Parse(Parameters, "sr.json") };

        var metrics = SupplyMetricsCalculator.Compute(Trade, inputs);

        var result = Assert.Single(metrics.SupplyRisk);
        var processing = Assert.Single(result.Stages); // extraction's product 253090 is not in the data
        Assert.Equal(SupplyStage.Processing, processing.Stage);
        Assert.Equal(["extraction: no 2024 imports of EU27_2020/253090 in the data"], result.OmittedStages);
        Assert.True(result.IsIndicative); // the bottleneck is over one stage only
        Assert.Equal((1000.0 - 200) / 1300, processing.ImportReliance, 12); // (imports - exports) / apparent consumption
        // EU sourcing from the imports: CN 0.7, RU 0.3 with the shipped 2022 WGI.
        WgiTable.Shipped.TryGetEstimate("CN", 2024, out var cn, out _);
        WgiTable.Shipped.TryGetEstimate("RU", 2024, out var ru, out _);
        Assert.Equal((0.49 * WgiTable.Rescale(cn)) + (0.09 * WgiTable.Rescale(ru)), processing.HhiWgiEu, 12);
        var linked = metrics.SupplyRiskFor("EU27_2020", "280530", 2024)!;
        Assert.Equal(SupplyStage.Processing, linked.Stage);
        Assert.True(linked.IsBottleneck);
        Assert.Null(metrics.SupplyRiskFor("EU27_2020", "280530", 2023));
    }

    [Fact]
    public void Compute_NoStageComputable_NotesTheMaterial()
    {
        var inputs = SupplyRiskInputs.None with { Parameters = SupplyRiskParameters.Parse(Parameters, "sr.json") };

        var metrics = SupplyMetricsCalculator.Compute([Obs("CN", TradeFlow.Import, 1) with { Product = "999999" }], inputs);

        Assert.Empty(metrics.SupplyRisk);
        Assert.StartsWith("rare earths 2024: not computed", Assert.Single(metrics.Notes), StringComparison.Ordinal);
    }

    [Theory]
    // annual import row: CRMA shares and the linked stage's supply risk
    [InlineData("2024", TradeFlow.Import, Basis.Weight, true, true)]
    // value basis: CRMA import proxy, no supply risk (it is computed on weight)
    [InlineData("2024", TradeFlow.Import, Basis.Value, true, false)]
    // export row: neither
    [InlineData("2024", TradeFlow.Export, Basis.Weight, false, false)]
    // a month: neither (the proxies are annual)
    [InlineData("2024-03", TradeFlow.Import, Basis.Weight, false, false)]
    public void Enrich_Row_AttachesOnlyToAnnualImportRows(string period, TradeFlow flow, Basis basis, bool crma, bool risk)
    {
        var inputs = SupplyRiskInputs.None with { Production = Production, Parameters = SupplyRiskParameters.Parse(Parameters, "sr.json") };
        var metrics = SupplyMetricsCalculator.Compute(Trade, inputs);
        var row = new SeriesIndices(new("EU27_2020", "280530", flow), basis, Period.Parse(period), ConcentrationCalculator.Compute([new("CN", 7), new("RU", 3)]));

        var enriched = metrics.Enrich(row);

        Assert.Equal(crma, enriched.Crma is not null);
        Assert.Equal(risk, enriched.SupplyRisk is not null);
        Assert.Equal(row.Indices, enriched.Indices);
    }

    private static TradeObservation Obs(string partner, TradeFlow flow, decimal kg) =>
        new("EU27_2020", partner, "280530", flow, Period.Annual(2024), kg, kg * 3, "EUR");
}
