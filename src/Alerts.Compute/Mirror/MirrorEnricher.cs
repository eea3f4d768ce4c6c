using Alerts.Compute.Engine;
using Alerts.Compute.Series;
using Alerts.Pull.Statistics;
using Alerts.Pull.Statistics.Scope;

namespace Alerts.Compute.Mirror;

/// <summary>
/// Puts the mirror check on a series' rows: on the EU's (<c>EU27_2020</c>) published annual weight import rows of a
/// product, the year's <see cref="MirrorCheck"/> from the series' own imports and the partners' exports to the EU.
/// Only years the mirror data covers are checked: a year the partners' side was not fetched is not a 100% gap. Pure.
/// </summary>
public static class MirrorEnricher
{
    /// <param name="imports">The series' observations (EU-reported imports).</param>
    /// <param name="mirrorExports">Partner-reported exports to the EU of the same product (reporter = the partner); empty = no check.</param>
    public static IReadOnlyList<SeriesIndices> Enrich(IReadOnlyList<SeriesIndices> indices, IEnumerable<TradeObservation> imports, IReadOnlyList<TradeObservation> mirrorExports)
    {
        ArgumentNullException.ThrowIfNull(indices);
        ArgumentNullException.ThrowIfNull(imports);
        ArgumentNullException.ThrowIfNull(mirrorExports);
        if (mirrorExports.Count == 0 || indices.Count == 0)
        {
            return indices;
        }

        var series = indices[0].Series;
        if (series.Reporter != PartnerScope.EuReporter || series.Flow != TradeFlow.Import)
        {
            return indices;
        }

        var years = mirrorExports.Where(o => o.Period.IsAnnual && o.Product == series.Product).Select(o => o.Period.Year).ToHashSet();
        var gaps = MirrorCheckCalculator.Compare(
            imports.Where(o => o.Product == series.Product && years.Contains(o.Period.Year)),
            mirrorExports.Where(o => o.Product == series.Product));
        return [.. indices.Select(i => Checked(i, years) ? i with { Mirror = MirrorCheck.Of(i.Period.Year, gaps) } : i)];
    }

    private static bool Checked(SeriesIndices i, HashSet<int> years) =>
        i.Window == IndexSelection.Published && i.Basis == Basis.Weight && i.Period.IsAnnual && years.Contains(i.Period.Year);
}
