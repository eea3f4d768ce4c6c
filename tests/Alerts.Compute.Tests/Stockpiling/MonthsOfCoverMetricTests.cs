using Alerts.Compute.Engine;
using Alerts.Compute.Series;
using Alerts.Compute.Stockpiling;
using Alerts.Compute.SupplyRisk;
using Alerts.Evaluate.Rules;
using Alerts.Pull.Catalog;
using Alerts.Pull.Statistics;
using Alerts.TestKit.Samples;

namespace Alerts.Compute.Tests.Stockpiling;

/// <summary>
/// The rule metric <c>monthsOfCover</c> on the series step's rows: rare-earth metals (280530, the one code of
/// <c>rare-earths/metal</c>) from <c>samples/crma/eu-ree-2024.csv</c>, where China sent 5 972.7 t in 2024.
/// </summary>
public sealed class MonthsOfCoverMetricTests
{
    private static readonly IReadOnlyList<TradeObservation> Product = TradeDataReader.ReadFile(SampleFiles.Get("crma/eu-ree-2024.csv")).Observations;
    private static readonly SeriesKey Series = new("EU27_2020", "280530", TradeFlow.Import);

    private static List<SeriesIndices> Rows() =>
        [.. Enum.GetValues<Basis>().SelectMany(basis => WindowedIndices.Compute(Product, basis)
            .Where(p => p.Row.Series == Series)
            .Select(p => new SeriesIndices(Series, basis, p.Row.Period, p.Indices)))];

    private static StockTable Stocks(string line) =>
        StockTable.Parse("commodity,stage,tonnes,as_of\n" + line + "\n", "stocks.csv", CommodityCatalog.Default);

    [Fact]
    public void Enrich_StockOfTheStage_MonthsOfCoverOnTheWeightRowAndARuleBelowTargetFires()
    {
        // 995.45 t / (5 972.7 t / 12) = 2.0 months, below a desk's 3-month target.
        var source = new SupplyMetricsSource(SupplyRiskInputs.None, Stocks("rare-earths,metal,995.45,2025-03-31"), CommodityCatalog.Default);

        var rows = source.Enrich(Rows(), Product);

        var weight = rows.Single(r => r.Basis == Basis.Weight);
        Assert.Equal(2.0, MetricCatalog.Default.Read("monthsOfCover", weight), 9);
        Assert.Equal("CN", weight.Cover!.TopSupplier);
        Assert.True(double.IsNaN(MetricCatalog.Default.Read("monthsOfCover", rows.Single(r => r.Basis == Basis.Value))));
        var rule = new Rule("cover", "Cover below 3 months", "monthsOfCover", ComparisonOperator.LessThan, 3, Severities.Warning, Basis.Weight);
        Assert.True(Assert.Single(new RuleEvaluator([rule]).Evaluate(rows)).Latest.Breaches);
        Assert.Contains("+stocks:", source.InputsFingerprint, StringComparison.Ordinal);
    }

    [Fact]
    public void Enrich_StockOfAnotherStage_NoCover()
    {
        var source = new SupplyMetricsSource(SupplyRiskInputs.None, Stocks("rare-earths,downstream,100,2025-03-31"), CommodityCatalog.Default);

        var rows = source.Enrich(Rows(), Product);

        Assert.All(rows, r => Assert.True(double.IsNaN(MetricCatalog.Default.Read("monthsOfCover", r))));
        Assert.Equal(SupplyRiskInputs.None.Fingerprint + "+stocks:" + Stocks("rare-earths,downstream,100,2025-03-31").Fingerprint, source.InputsFingerprint);
    }
}
