using Alerts.Compute.Engine;
using Alerts.Compute.Series;
using Alerts.Compute.Stockpiling;
using Alerts.Compute.SupplyRisk;
using Alerts.Pull.Catalog;
using Alerts.Pull.Statistics;
using Alerts.TestKit.Samples;

namespace Alerts.Compute.Tests.Stockpiling;

/// <summary>
/// The CRMA stage benchmarks on the series step's rows, from <c>samples/crma</c> by hand: rare-earth metals (280530, the
/// one code of <c>rare-earths/metal</c>, a processing stage), 2024 imports 12 900 t, exports 5 500 t, EU production 1 000 t.
/// </summary>
public sealed class StageBenchmarkRowTests
{
    private static readonly IReadOnlyList<TradeObservation> Product = TradeDataReader.ReadFile(SampleFiles.Get("crma/eu-ree-2024.csv")).Observations;

    private static SupplyMetricsSource Source() => new(
        SupplyRiskInputs.None with { Production = ProductionTable.Parse(File.ReadAllText(SampleFiles.Get("crma/production.csv")), "production.csv") },
        StockTable.Empty,
        CommodityCatalog.Default);

    private static List<SeriesIndices> Rows(string product) =>
        [.. Enum.GetValues<Basis>().SelectMany(basis => WindowedIndices.Compute(Product.Select(o => o with { Product = product }).ToList(), basis)
            .Where(p => p.Row.Series == new SeriesKey("EU27_2020", product, TradeFlow.Import))
            .Select(p => new SeriesIndices(p.Row.Series, basis, p.Row.Period, p.Indices)))];

    [Fact]
    public void Enrich_ProcessingStageWithProduction_EuShareAgainst40PercentBesideThe65PercentTest()
    {
        var rows = Source().Enrich(Rows("280530"), Product);

        // Apparent consumption 1 000 + 12 900 - 5 500 = 8 400 t: EU share 1 000 / 8 400 = 11.9%, short of 40%;
        // China 5 972.7 / 8 400 = 71.1% of consumption, above 65%.
        var b = rows.Single(r => r.Basis == Basis.Weight).Benchmark!;
        Assert.Equal(("processing", 0.40, false, "CN", true), (b.Activity, b.Benchmark, b.MeetsBenchmark, b.TopSupplier, b.ExceedsSingleCountryBenchmark));
        Assert.Equal(1000 / 8400.0, b.EuShare, 9);
        Assert.Equal(5972.7 / 8400, b.TopThirdCountryShare, 9);
        var stored = SupplySummary.From(rows.Single(r => r.Basis == Basis.Weight))!.Benchmark!;
        Assert.Equal((b.EuShare, b.Benchmark, false, 5972.7 / 8400 > 0.65), (stored.EuShare, stored.Benchmark, stored.MeetsBenchmark, stored.ExceedsSingleCountryBenchmark));
    }

    [Fact]
    public void Enrich_DownstreamProduct_NoBenchmark()
    {
        // 850511 (magnets) is downstream: the CRMA sets no share of EU capacity for it.
        var magnets = Product.Select(o => o with { Product = "850511" }).ToList();
        var rows = new SupplyMetricsSource(
            SupplyRiskInputs.None with { Production = ProductionTable.Parse("reporter,product,year,quantity_kg\nEU27_2020,850511,2024,1000000\n", "production.csv") },
            StockTable.Empty, CommodityCatalog.Default).Enrich(Rows("850511"), magnets);

        Assert.All(rows, r => Assert.Null(r.Benchmark));
        Assert.NotNull(rows.Single(r => r.Basis == Basis.Weight).Crma!.Production);
    }
}
