namespace Alerts.Compute.SupplyRisk;

/// <summary>
/// The CRMA shares and supply risk of one index row as plain values, the shape they are stored in (the
/// <c>indices</c> table) and served in (<c>GET /api/indices</c>, <c>POST /api/recalculations</c>); null parts were
/// not computed for the row.
/// </summary>
/// <param name="Benchmark">The EU's own share against the CRMA 10%/40% benchmarks (production known); null otherwise or in rows stored before it.</param>
/// <param name="Mirror">The mirror check of the year (both sources pulled); null otherwise or in rows stored before it.</param>
public sealed record SupplySummary(CrmaSummary? Crma, SupplyRiskSummary? SupplyRisk, BenchmarkSummary? Benchmark = null, MirrorSummary? Mirror = null)
{
    /// <summary>The summary of a row's computed values; null when it has neither.</summary>
    public static SupplySummary? From(CrmaShareRow? crma, SeriesSupplyRisk? risk) =>
        crma is null && risk is null ? null : new SupplySummary(CrmaSummary.From(crma), SupplyRiskSummary.From(risk));

    /// <summary>The summary of a computed row: CRMA shares, supply risk, stage benchmark and mirror check; null when it has none.</summary>
    public static SupplySummary? From(Series.SeriesIndices row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return row.Crma is null && row.SupplyRisk is null && row.Benchmark is null && row.Mirror is null
            ? null
            : new SupplySummary(CrmaSummary.From(row.Crma), SupplyRiskSummary.From(row.SupplyRisk), BenchmarkSummary.From(row.Benchmark), MirrorSummary.From(row.Mirror));
    }
}

/// <summary>CRMA shares of an annual import row.</summary>
/// <param name="ImportShare">The top third country's share of extra-EU imports (0..1).</param>
/// <param name="ConsumptionShare">Its share of apparent consumption (0..1); null when only the import proxy is available.</param>
/// <param name="Proxy"><c>import-share-only</c> or <c>import-and-consumption-share</c>.</param>
/// <param name="Note">Which proxy is available and why.</param>
public sealed record CrmaSummary(double ImportShare, double? ConsumptionShare, string Proxy, string Note, string? TopSupplier, bool Complete)
{
    public static CrmaSummary? From(CrmaShareRow? row) => row is null ? null : new CrmaSummary(
        row.TopImportShare,
        row.TopConsumptionShare,
        row.Available.ToName(),
        row.Note,
        row.TopSupplier,
        row.IsComplete);
}

/// <summary>The 2017-method supply risk of the stage a row's product feeds, with the material's bottleneck.</summary>
/// <param name="Stage"><c>extraction</c> or <c>processing</c>.</param>
/// <param name="Value">This stage's supply risk.</param>
/// <param name="Indicative">A default was used or a stage could not be computed.</param>
public sealed record SupplyRiskSummary(
    string Material, int Year, string Stage, double Value, string Bottleneck, double BottleneckValue, bool Indicative, string WgiSource, string WgiVintage)
{
    public static SupplyRiskSummary? From(SeriesSupplyRisk? risk) => risk is null ? null : new SupplyRiskSummary(
        risk.Result.Material,
        risk.Result.Year,
        SupplyMetricsCalculator.Name(risk.Stage),
        risk.Risk.SupplyRisk,
        SupplyMetricsCalculator.Name(risk.Result.Bottleneck),
        risk.Result.SupplyRisk,
        risk.Result.IsIndicative,
        risk.Result.WgiSource,
        risk.Result.WgiVintage);
}
