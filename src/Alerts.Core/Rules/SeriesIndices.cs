using Alerts.Core.Concentration;
using Alerts.Core.Statistics;

namespace Alerts.Core.Rules;

/// <summary>The concentration indices of one series on one basis for one period: what rules are evaluated on.</summary>
/// <param name="CommodityName">Readable name of the commodity or product, carried into alert events; null = the product code.</param>
public sealed record SeriesIndices(
    SeriesKey Series,
    Basis Basis,
    Period Period,
    ConcentrationIndices Indices,
    string? CommodityName = null);
