using Alerts.Compute.Engine;
using Alerts.Compute.Series;
using Alerts.Pull.Statistics;

namespace Alerts.Compute.SupplyRisk;

/// <summary>
/// The CRMA shares and supply risks computed from one data set (<see cref="SupplyMetricsCalculator"/>), looked up
/// by series and year, and attached to the annual import rows the rules see (<see cref="Enrich"/>).
/// </summary>
public sealed class SupplyMetrics
{
    private readonly Dictionary<(string Reporter, string Product, int Year, Basis Basis), CrmaShareRow> crma;
    private readonly Dictionary<(string Reporter, string Product, int Year), SeriesSupplyRisk> risks;

    internal SupplyMetrics(
        IReadOnlyList<CrmaShareRow> crmaRows,
        IReadOnlyList<SupplyRiskResult> supplyRisk,
        Dictionary<(string, string, int), SeriesSupplyRisk> risks,
        IReadOnlyList<string> notes)
    {
        Crma = crmaRows;
        SupplyRisk = supplyRisk;
        Notes = notes;
        this.risks = risks;
        crma = crmaRows.ToDictionary(r => (r.Reporter, r.Product, r.Year, r.Basis));
    }

    /// <summary>No data and no inputs.</summary>
    public static SupplyMetrics Empty { get; } = new([], [], [], []);

    /// <summary>One row per (reporter, product, year, basis) with imports.</summary>
    public IReadOnlyList<CrmaShareRow> Crma { get; }

    /// <summary>One result per material of the parameters that had at least one stage to compute.</summary>
    public IReadOnlyList<SupplyRiskResult> SupplyRisk { get; }

    /// <summary>Materials of the parameters that could not be computed at all, and why.</summary>
    public IReadOnlyList<string> Notes { get; }

    public CrmaShareRow? CrmaFor(string reporter, string product, int year, Basis basis) =>
        crma.GetValueOrDefault((reporter, product, year, basis));

    /// <summary>The supply risk of the stage whose parameters name <paramref name="product"/>, for that year.</summary>
    public SeriesSupplyRisk? SupplyRiskFor(string reporter, string product, int year) =>
        risks.GetValueOrDefault((reporter, product, year));

    /// <summary>
    /// <paramref name="row"/> with its CRMA shares and (weight basis) supply risk when it is an annual import row
    /// they exist for; any other row unchanged, so its CRMA and supply-risk metrics read as NaN.
    /// </summary>
    public SeriesIndices Enrich(SeriesIndices row)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (!row.Period.IsAnnual || row.Series.Flow != TradeFlow.Import)
        {
            return row;
        }

        var shares = CrmaFor(row.Series.Reporter, row.Series.Product, row.Period.Year, row.Basis);
        var risk = row.Basis == Basis.Weight ? SupplyRiskFor(row.Series.Reporter, row.Series.Product, row.Period.Year) : null;
        return shares is null && risk is null ? row : row with { Crma = shares, SupplyRisk = risk };
    }
}
