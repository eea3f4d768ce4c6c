using Alerts.Compute.Engine;
using Alerts.Compute.Series;
using Alerts.Compute.Stockpiling;
using Alerts.Compute.SupplyRisk;
using Alerts.Evaluate.Rules;
using Alerts.Evaluate.Run;
using Alerts.Pull;
using Alerts.Pull.Catalog;
using Alerts.Pull.Sources;
using Alerts.Pull.Statistics;
using Alerts.TestKit.Samples;

namespace Alerts.Compute.Tests.SupplyRisk;

/// <summary>
/// The series step's CRMA part on a whole product's data read from <c>samples/crma/eu-ree-2024.csv</c> (imports and
/// exports), with the index rows built as <see cref="Alerts.Compute.ComputeStep"/> builds them.
/// </summary>
public sealed class SupplyMetricsSourceTests
{
    private static readonly IReadOnlyList<TradeObservation> Product = TradeDataReader.ReadFile(SampleFiles.Get("crma/eu-ree-2024.csv")).Observations;

    private static List<SeriesIndices> Rows(SeriesKey series) =>
        [.. Enum.GetValues<Basis>().SelectMany(basis => WindowedIndices.Compute(Product, basis)
            .Where(p => p.Row.Series == series)
            .Select(p => new SeriesIndices(series, basis, p.Row.Period, p.Indices, null, p.FromPrevious, p.FromYearAgo)))];

    [Fact]
    public void Enrich_ImportSeriesWithTheProductsExports_ConsumptionShareAndARuleThatFires()
    {
        var inputs = SupplyRiskInputs.None with { Production = ProductionTable.Parse(File.ReadAllText(SampleFiles.Get("crma/production.csv")), "production.csv") };
        var series = new SeriesKey("EU27_2020", "280530", TradeFlow.Import);

        var rows = new SupplyMetricsSource(inputs, StockTable.Empty, CommodityCatalog.Default).Enrich(Rows(series), Product);

        var weight = rows.Single(r => r.Basis == Basis.Weight);
        Assert.Equal(5_972_700.0 / (1_000_000 + 12_900_000 - 5_500_000), MetricCatalog.Default.Read("crmaConsumptionShare", weight), 12);
        Assert.True(double.IsNaN(MetricCatalog.Default.Read("crmaConsumptionShare", rows.Single(r => r.Basis == Basis.Value))));
        var rule = new Rule("c", "C", "crmaConsumptionShare", ComparisonOperator.GreaterThan, 0.65, Severities.Critical, Basis.Weight);
        var evaluation = Assert.Single(new RuleEvaluator([rule]).Evaluate(rows));
        Assert.True(evaluation.Latest.Breaches); // 71.1% of consumption, though only 46.3% of imports
    }

    [Fact]
    public void Enrich_ImportSeriesAlone_ImportProxyOnly()
    {
        var inputs = SupplyRiskInputs.None with { Production = ProductionTable.Parse(File.ReadAllText(SampleFiles.Get("crma/production.csv")), "production.csv") };
        var series = new SeriesKey("EU27_2020", "280530", TradeFlow.Import);
        var importsOnly = Product.Where(o => o.Flow == TradeFlow.Import).ToList();

        var weight = new SupplyMetricsSource(inputs, StockTable.Empty, CommodityCatalog.Default).Enrich(Rows(series), importsOnly).Single(r => r.Basis == Basis.Weight);

        Assert.Equal(CrmaProxy.ImportShareOnly, weight.Crma!.Available);
        Assert.Equal(0.463, MetricCatalog.Default.Read("crmaImportShare", weight), 12);
    }
}
