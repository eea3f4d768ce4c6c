using Alerts.Core.Concentration;
using Alerts.Core.Statistics;
using Alerts.Core.SupplyRisk;

namespace Alerts.Core.Rules;

/// <summary>The concentration indices of one series on one basis for one period: what rules are evaluated on.</summary>
/// <param name="CommodityName">Readable name of the commodity or product, carried into alert events; null = the product code.</param>
/// <param name="ChangeFromPrevious">Against the previous period of the series; null when unknown or not meaningful
/// (no earlier period, or one without suppliers): metrics reading it are then unavailable for this period.</param>
/// <param name="ChangeFromYearAgo">Against the same period a year earlier; null as for <paramref name="ChangeFromPrevious"/>.</param>
public sealed record SeriesIndices(
    SeriesKey Series,
    Basis Basis,
    Period Period,
    ConcentrationIndices Indices,
    string? CommodityName = null,
    IndexChange? ChangeFromPrevious = null,
    IndexChange? ChangeFromYearAgo = null)
{
    /// <summary>
    /// CRMA shares of this annual import row (import proxy, and the consumption proxy when production is known);
    /// null on other rows or when not computed, so the <c>crma...</c> metrics read NaN.
    /// </summary>
    public CrmaShareRow? Crma { get; init; }

    /// <summary>The supply risk of the stage this row's product feeds (annual weight import rows of a linked product); null otherwise.</summary>
    public SeriesSupplyRisk? SupplyRisk { get; init; }
}
