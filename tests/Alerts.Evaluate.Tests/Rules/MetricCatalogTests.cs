using Alerts.Compute.Engine;
using Alerts.Compute.Series;
using Alerts.Compute.SupplyRisk;

using Alerts.Evaluate.Rules;
using Alerts.Pull.Statistics;

namespace Alerts.Evaluate.Tests.Rules;

public sealed class MetricCatalogTests
{
    // Published 2022 EU rare-earth import shares (samples/README.md): China 40, Malaysia 31, Russia 25, USA 2, Japan 2.
    private static readonly ConcentrationIndices Eu2022 = ConcentrationCalculator.Compute(
        [new("CN", 40), new("MY", 31), new("RU", 25), new("US", 2), new("JP", 2)]);

    [Theory]
    [InlineData("hhi", 3194)] // percentage HHI
    [InlineData("HHI", 3194)] // names are case-insensitive
    [InlineData("hhiFraction", 0.3194)] // fraction HHI
    [InlineData("hhiNormalized", 0.14925)] // (0.3194 - 0.2) / 0.8
    [InlineData("cr1", 0.40)] // China
    [InlineData("cr3", 0.96)] // China + Malaysia + Russia
    [InlineData("equivalentSuppliers", 3.1309)] // 10000 / 3194
    [InlineData("entropy", 1.2326)] // published figure
    [InlineData("suppliers", 5)] // five partners
    [InlineData("expEntropy", 3.4303)] // exp(1.2326)
    public void Read_KnownMetric_ReturnsTheIndex(string metric, double expected)
    {
        Assert.Equal(expected, MetricCatalog.Default.Read(metric, Eu2022), 1e-4);
    }

    [Fact]
    public void Read_UnknownMetric_ThrowsListingKnownMetrics()
    {
        var e = Assert.Throws<KeyNotFoundException>(() => MetricCatalog.Default.Read("cr2", Eu2022));

        Assert.Contains("'cr2'", e.Message, StringComparison.Ordinal);
        foreach (var name in new[] { "cr1", "cr3", "entropy", "equivalentSuppliers", "expEntropy", "hhi", "hhiFraction", "hhiNormalized", "suppliers", "hhiChangeFromPrevious", "cr1ChangeFromYearAgo" })
        {
            Assert.Contains(name + ",", e.Message + ",", StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Add_NewMetric_IsReadable()
    {
        var catalog = new MetricCatalog().Add("top2", "two largest shares", i => i.TopSuppliers.Take(2).Sum(s => s.Share), 1);

        Assert.Equal(0.71, catalog.Read("top2", Eu2022), 10);
        Assert.Throws<ArgumentException>(() => catalog.Add("TOP2", "again", _ => 0));
    }

    // 2021 before 2022: Malaysia 60, China 40 (HHI 5200), so the top supplier changed.
    private static readonly ConcentrationIndices Eu2021 = ConcentrationCalculator.Compute([new("MY", 60), new("CN", 40)]);

    private static SeriesIndices Year2022(IndexChange? previous, IndexChange? yearAgo = null) =>
        new(new("EU27_2020", "2846", TradeFlow.Import), Basis.Weight, Period.Annual(2022), Eu2022, null, previous, yearAgo);

    private static IndexChange Against(ConcentrationIndices before, ConcentrationIndices now) => new(
        Period.Annual(2021), before.Total, now.Total - before.Total, now.Hhi - before.Hhi, now.HhiNormalized - before.HhiNormalized,
        now.Cr1 - before.Cr1, now.Cr3 - before.Cr3, now.EquivalentSuppliers - before.EquivalentSuppliers, now.Entropy - before.Entropy,
        now.Suppliers - before.Suppliers, before.TopSupplier);

    [Theory]
    [InlineData("hhiChangeFromPrevious", -2006)] // 3194 - 5200
    [InlineData("cr1ChangeFromPrevious", -0.20)] // 0.40 - 0.60
    [InlineData("cr3ChangeFromPrevious", -0.04)] // 0.96 - 1
    [InlineData("suppliersChangeFromPrevious", 3)] // 5 - 2
    [InlineData("totalRelativeChangeFromPrevious", 0)] // 100 both years
    [InlineData("topSupplierChangedFromPrevious", 1)] // MY then CN
    [InlineData("hhiChangeFromYearAgo", -2006)] // annual rows: the year ago is the previous year
    public void Read_ChangeMetric_IsTheDifferenceAgainstTheEarlierPeriod(string metric, double expected)
    {
        var change = Against(Eu2021, Eu2022);

        Assert.Equal(expected, MetricCatalog.Default.Read(metric, Year2022(change, change)), 1e-9);
    }

    [Theory]
    [InlineData("hhiChangeFromPrevious")] // no earlier period
    [InlineData("cr1ChangeFromYearAgo")] // no year-ago period
    [InlineData("topSupplierChangedFromPrevious")] // nothing to compare the top supplier with
    public void Read_ChangeMetricWithoutEarlierPeriod_IsNaN(string metric)
    {
        Assert.True(double.IsNaN(MetricCatalog.Default.Read(metric, Year2022(null))));
        Assert.True(double.IsNaN(MetricCatalog.Default.Read(metric, Eu2022))); // the indices alone cannot say
    }

    [Fact]
    public void Read_ChangeAgainstAPeriodWithoutSuppliers_IsNaN()
    {
        // An earlier period with no supplier has all-zero indices: a jump from 0 to 3194 is not a change.
        var none = ConcentrationCalculator.Compute([]);

        Assert.True(double.IsNaN(MetricCatalog.Default.Read("hhiChangeFromPrevious", Year2022(Against(none, Eu2022)))));
    }

    [Fact]
    public void Read_LevelMetricOnSeriesIndices_ReadsItsIndices()
    {
        Assert.Equal(3194, MetricCatalog.Default.Read("hhi", Year2022(null)), 1e-9);
    }

    /// <summary>2022 through the CRMA and supply-risk calculators: 100 t imported (the 2022 shares), 30 t exported, production as given.</summary>
    private static SeriesIndices Enriched2022(string? productionKg)
    {
        var trade = new List<TradeObservation> { new("EU27_2020", "US", "2846", TradeFlow.Export, Period.Annual(2022), 30_000, null, "EUR") };
        trade.AddRange(Eu2022.TopSuppliers.Select(s => new TradeObservation("EU27_2020", s.Partner, "2846", TradeFlow.Import, Period.Annual(2022), s.Amount * 1000, null, "EUR")));
        var inputs = new SupplyRiskInputs(
            productionKg is null ? ProductionTable.Empty : ProductionTable.Parse($"reporter,product,year,quantity_kg\nEU27_2020,2846,2022,{productionKg}\n", "p.csv"),
            WgiTable.Shipped,
            SupplyRiskParameters.Parse("""{"materials":[{"material":"rare earths","year":2022,"stages":[{"stage":"processing","product":"2846","globalSupply":{"CN":1}}]}]}""", "sr.json"));
        return SupplyMetricsCalculator.Compute(trade, inputs).Enrich(Year2022(null));
    }

    [Fact]
    public void Read_CrmaMetricsWithProduction_AreTheTopThirdCountrysShares()
    {
        var row = Enriched2022("10000");

        Assert.Equal(0.40, MetricCatalog.Default.Read("crmaImportShare", row), 12);
        Assert.Equal(40.0 / (10 + 100 - 30), MetricCatalog.Default.Read("crmaConsumptionShare", row), 12); // 40 t of 80 t consumed
        Assert.Equal(row.SupplyRisk!.Risk.SupplyRisk, MetricCatalog.Default.Read("supplyRisk", row), 12);
        Assert.True(MetricCatalog.Default.Read("supplyRisk", row) > 0);
    }

    [Theory]
    [InlineData("crmaConsumptionShare", null)] // no production: only the import proxy
    [InlineData("crmaImportShare", "none")] // a row nothing was attached to
    [InlineData("crmaConsumptionShare", "none")] // the same
    [InlineData("supplyRisk", "none")] // no linked supply-risk stage
    public void Read_CrmaOrSupplyRiskUnavailable_IsNaN(string metric, string? productionKg)
    {
        var row = productionKg == "none" ? Year2022(null) : Enriched2022(productionKg);

        Assert.True(double.IsNaN(MetricCatalog.Default.Read(metric, row)));
        Assert.True(double.IsNaN(MetricCatalog.Default.Read(metric, Eu2022))); // the indices alone cannot say
    }

    [Theory]
    [InlineData("crmaConsumptionShare", 65)] // a percentage typed for a fraction
    [InlineData("crmaImportShare", -0.1)] // below zero
    [InlineData("supplyRisk", 1000)] // beyond any supply risk
    public void Validate_CrmaOrSupplyRiskThresholdOutOfRange_IsAnError(string metric, double threshold)
    {
        var rule = new Rule("r", "R", metric, ComparisonOperator.GreaterThan, threshold, Severities.Warning);

        Assert.NotEmpty(RuleSetBuilder.Validate(rule));
    }

    [Fact]
    public void Add_SeriesMetricWithMinAboveMax_Throws()
    {
        Assert.Throws<ArgumentException>(() => new MetricCatalog().Add("x", "x", _ => 0, 1, -1));
    }
}
