using Alerts.Compute.Engine;
using Alerts.Compute.Stockpiling;
using Alerts.Compute.SupplyRisk;
using Alerts.Pull.Catalog;
using Alerts.Pull.Statistics;

namespace Alerts.Compute.Tests.Stockpiling;

/// <summary>The EU's own share against the CRMA 10% / 40% benchmarks beside the 65% test, worked by hand.</summary>
public sealed class StageBenchmarkTests
{
    // Production 1 000 t, imports 12 900 t, exports 5 500 t: apparent consumption 8 400 t; China 5 972.7 t = 71.1% of it.
    private static CrmaShareRow Row(decimal? production) => new(
        "EU27_2020", "280530", 2024, Basis.Weight, 12_900_000m, 5_500_000m, production, production is { } p ? p + 12_900_000m - 5_500_000m : null,
        CrmaProxy.ImportAndConsumptionShare, "", true,
        [new CrmaPartnerShare("CN", 5_972_700m, 0.463, production is null ? null : 5_972_700 / 8_400_000.0)]);

    [Theory]
    // ore = extraction: 1 000 / 8 400 = 11.9% >= 10%
    [InlineData(ProcessingStage.Ore, "extraction", 0.10, true)]
    // metal = processing: 11.9% < 40%
    [InlineData(ProcessingStage.Metal, "processing", 0.40, false)]
    [InlineData(ProcessingStage.Intermediate, "processing", 0.40, false)]
    public void For_StageWithProduction_EuShareAgainstItsBenchmarkBesideTheSingleCountryTest(ProcessingStage stage, string activity, double benchmark, bool meets)
    {
        var b = StageBenchmark.For(Row(1_000_000m), stage)!;

        Assert.Equal((activity, benchmark, meets), (b.Activity, b.Benchmark, b.MeetsBenchmark));
        Assert.Equal(1000 / 8400.0, b.EuShare, 9);
        Assert.Equal("CN", b.TopSupplier);
        Assert.Equal(5972.7 / 8400, b.TopThirdCountryShare, 9);
        Assert.True(b.ExceedsSingleCountryBenchmark); // 71.1% > 65%
    }

    [Fact]
    public void For_NoProductionOrDownstream_Null()
    {
        Assert.Null(StageBenchmark.For(Row(null), ProcessingStage.Ore));
        Assert.Null(StageBenchmark.For(Row(1_000_000m), ProcessingStage.Downstream));
    }
}
