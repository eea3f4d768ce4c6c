using Alerts.Compute.SupplyRisk;
using Alerts.Pull.Catalog;

namespace Alerts.Compute.Stockpiling;

/// <summary>
/// The EU's own share of a stage against the CRMA Article 5 benchmarks for 2030, beside the 65% test: extraction
/// (the ore stage) at least 10% of annual EU consumption, processing (intermediate and metal stages) at least 40%.
/// The share is production / apparent consumption (production + imports - exports) of the operator's production
/// table and the year's trade (<see cref="CrmaShareRow"/>); downstream products have no Article 5 benchmark.
/// </summary>
/// <param name="Activity"><c>extraction</c> or <c>processing</c>.</param>
/// <param name="EuShare">EU production / apparent consumption, 0..1.</param>
/// <param name="Benchmark">0.10 for extraction, 0.40 for processing.</param>
/// <param name="TopThirdCountryShare">The largest third country's share (consumption where known, else imports): the 65% test.</param>
public sealed record StageBenchmark(string Product, int Year, string Activity, double EuShare, double Benchmark, string? TopSupplier, double TopThirdCountryShare)
{
    public const double Extraction = 0.10;
    public const double Processing = 0.40;

    public bool MeetsBenchmark => EuShare >= Benchmark;

    public bool ExceedsSingleCountryBenchmark => TopThirdCountryShare > CrmaShareRow.Benchmark;

    /// <summary>The benchmark of <paramref name="row"/> at <paramref name="stage"/>; null without production or consumption, or downstream.</summary>
    public static StageBenchmark? For(CrmaShareRow row, ProcessingStage stage)
    {
        ArgumentNullException.ThrowIfNull(row);
        var (activity, benchmark) = stage switch
        {
            ProcessingStage.Ore => ("extraction", Extraction),
            ProcessingStage.Intermediate or ProcessingStage.Metal => ("processing", Processing),
            _ => (null, 0d),
        };
        if (activity is null || row.Production is not { } production || row.ApparentConsumption is not { } consumption || consumption <= 0)
        {
            return null;
        }

        return new StageBenchmark(row.Product, row.Year, activity, (double)(production / consumption), benchmark, row.TopSupplier, row.TopConsumptionShare ?? row.TopImportShare);
    }
}
