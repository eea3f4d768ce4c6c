using Alerts.Compute.Engine;
using Alerts.Compute.Mirror;
using Alerts.Compute.Stockpiling;
using Alerts.Compute.SupplyRisk;
using Alerts.Pull.Statistics;

namespace Alerts.Compute.Series;

/// <summary>The concentration indices of one series on one basis for one period: what rules are evaluated on.</summary>
/// <param name="CommodityName">Readable name of the commodity or product, carried into alert events; null = the product code.</param>
/// <param name="ChangeFromPrevious">Against the previous period of the series; null when unknown or not meaningful
/// (no earlier period, or one without suppliers): metrics reading it are then unavailable for this period.</param>
/// <param name="ChangeFromYearAgo">Against the same period a year earlier; null as for <paramref name="ChangeFromPrevious"/>.</param>
/// <param name="Window">Which rows of the series this is (the published periods by default); a rule reads only rows of its window.</param>
/// <param name="MonthsCovered">Months with observations in an annual or rolling 12-month window; null = not counted.</param>
public sealed record SeriesIndices(
    SeriesKey Series,
    Basis Basis,
    Period Period,
    ConcentrationIndices Indices,
    string? CommodityName = null,
    IndexChange? ChangeFromPrevious = null,
    IndexChange? ChangeFromYearAgo = null,
    IndexSelection Window = IndexSelection.Published,
    int? MonthsCovered = null)
{
    /// <summary>
    /// False for an annual or rolling 12-month window with fewer than 12 months of data (year to date, the start
    /// of a series, a gap): such a row is stored, flagged, but rules do not read it.
    /// </summary>
    public bool IsComplete => Window is not (IndexSelection.Annual or IndexSelection.Rolling12) || MonthsCovered is null or >= 12;

    /// <summary>The catalog commodities this product series stands in for (<see cref="Catalog.CommodityStandIns"/>); empty otherwise.</summary>
    public IReadOnlyList<string> CommodityIds { get; init; } = [];

    /// <summary>
    /// CRMA shares of this annual import row (import proxy, and the consumption proxy when production is known);
    /// null on other rows or when not computed, so the <c>crma...</c> metrics read NaN.
    /// </summary>
    public CrmaShareRow? Crma { get; init; }

    /// <summary>
    /// For an EU reporter: its flow with the member states (intra-EU) in the same window, period and basis, reported
    /// beside the indices, which count third countries only (0 when there is none); null for other reporters.
    /// </summary>
    public decimal? IntraEuTotal { get; init; }

    /// <summary>Months of cover of the operator's stock of this commodity stage if the top supplier stopped (<see cref="StockCover"/>); null where not computed.</summary>
    public StockCover? Cover { get; init; }

    /// <summary>
    /// The EU's own share of the row's stage against the CRMA 10% (extraction) / 40% (processing) benchmarks, beside the 65%
    /// test (<see cref="StageBenchmark"/>): annual import rows with a CRMA row whose production is known, of a product or
    /// series at the ore, intermediate or metal stage; null elsewhere.
    /// </summary>
    public StageBenchmark? Benchmark { get; init; }

    /// <summary>
    /// The mirror check of the year (EU-reported imports against partner-reported exports to the EU), on the EU's published
    /// annual weight import rows of a product when both sources are pulled; null elsewhere (rule metric <c>mirrorGap</c> NaN).
    /// </summary>
    public MirrorCheck? Mirror { get; init; }

    /// <summary>The supply risk of the stage this row's product feeds (annual weight import rows of a linked product); null otherwise.</summary>
    public SeriesSupplyRisk? SupplyRisk { get; init; }
}
