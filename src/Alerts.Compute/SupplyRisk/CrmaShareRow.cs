using Alerts.Compute.Engine;
using Alerts.Pull.Statistics;

namespace Alerts.Compute.SupplyRisk;

/// <summary>
/// CRMA Article 5 style shares of one reporter, product and year (this folder's README.md). The benchmark is
/// measured against consumption; the import share is a proxy that overstates it whenever production
/// exceeds exports. <see cref="Note"/> says which proxy is available and why.
/// </summary>
public sealed record CrmaShareRow(
    string Reporter,
    string Product,
    int Year,
    Basis Basis,
    decimal Imports,
    decimal Exports,
    decimal? Production,
    decimal? ApparentConsumption,
    CrmaProxy Available,
    string Note,
    bool IsComplete,
    IReadOnlyList<CrmaPartnerShare> Partners)
{
    /// <summary>The 65% benchmark of Regulation (EU) 2024/1252 Article 5.</summary>
    public const double Benchmark = 0.65;

    /// <summary>The data had export figures for the year; false = <see cref="Exports"/> is 0 for want of data, not measured.</summary>
    public bool ExportsReported { get; init; } = true;

    public string? TopSupplier => Partners.Count == 0 ? null : Partners[0].Partner;

    public double TopImportShare => Partners.Count == 0 ? 0 : Partners[0].ImportShare;

    public double? TopConsumptionShare => Partners.Count == 0 ? null : Partners[0].ConsumptionShare;

    /// <summary>The best available top share (consumption if known, else import) is above 65%.</summary>
    public bool ExceedsBenchmark => (TopConsumptionShare ?? TopImportShare) > Benchmark;
}
