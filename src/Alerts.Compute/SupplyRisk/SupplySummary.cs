namespace Alerts.Compute.SupplyRisk;

/// <summary>
/// The CRMA shares and supply risk of one index row as plain values, the shape they are stored in (the
/// <c>indices</c> table) and served in (<c>GET /api/indices</c>, <c>POST /api/recalculations</c>); null parts were
/// not computed for the row.
/// </summary>
public sealed record SupplySummary(CrmaSummary? Crma, SupplyRiskSummary? SupplyRisk)
{
    /// <summary>The summary of a row's computed values; null when it has neither.</summary>
    public static SupplySummary? From(CrmaShareRow? crma, SeriesSupplyRisk? risk) =>
        crma is null && risk is null ? null : new SupplySummary(CrmaSummary.From(crma), SupplyRiskSummary.From(risk));
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
