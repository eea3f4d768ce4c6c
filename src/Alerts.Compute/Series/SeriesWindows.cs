using Alerts.Compute.Engine;
using Alerts.Pull;
using Alerts.Pull.Sources;
using Alerts.Pull.Statistics;
using Alerts.Pull.Statistics.Scope;

namespace Alerts.Compute.Series;

/// <summary>
/// Which index rows of a series the pipeline computes: the windows it stores (<see cref="Stored"/>) plus those
/// the rules read. Rolling windows that reach back before the pulled months are left out: a pull re-reads only
/// its trailing window, so such a row would be a truncated copy of one an earlier pull computed in full.
/// </summary>
public static class SeriesWindows
{
    /// <summary>
    /// Stored in the <c>indices</c> table: the published periods and, for monthly data, the rolling 12 months.
    /// Monthly rows of monthly data are the published ones; annual sums of months are year-to-date until December.
    /// </summary>
    public static IReadOnlyList<IndexSelection> Stored { get; } = [IndexSelection.Published, IndexSelection.Rolling12];

    /// <summary>The rows of <paramref name="series"/> in each of <paramref name="windows"/>, on both bases.</summary>
    /// <param name="pulledFrom">The first period the pull asked for; rolling rows whose 12 months start earlier are dropped,
    /// and changes against such a row are unknown. Null = the observations are the series' whole history.</param>
    public static IReadOnlyList<SeriesIndices> Compute(
        SeriesKey series, IReadOnlyList<TradeObservation> observations, string? name, IEnumerable<IndexSelection> windows, Period? pulledFrom)
    {
        ArgumentNullException.ThrowIfNull(observations);
        ArgumentNullException.ThrowIfNull(windows);
        var result = new List<SeriesIndices>();
        // Observations carry no source: the engine's rows are matched on reporter, product and flow.
        var bare = series.WithoutSource;
        foreach (var window in windows.Distinct())
        {
            foreach (var basis in Enum.GetValues<Basis>())
            {
                var intraEu = IntraEuTotals(series, observations, basis, window);
                foreach (var p in WindowedIndices.Compute(observations, basis, selection: window))
                {
                    if (p.Row.Series != bare || (window == IndexSelection.Rolling12 && Truncated(p.Row.Period, pulledFrom)))
                    {
                        continue;
                    }

                    var counted = window is IndexSelection.Annual or IndexSelection.Rolling12 ? p.Row.MonthsCovered : (int?)null;
                    result.Add(new SeriesIndices(series, basis, p.Row.Period, p.Indices, name,
                        Known(window, p.FromPrevious, pulledFrom), Known(window, p.FromYearAgo, pulledFrom), window, counted)
                    {
                        IntraEuTotal = intraEu is null ? null : intraEu.GetValueOrDefault((p.Row.Period, p.Currency)),
                    });
                }
            }
        }

        return result;
    }

    // Intra-EU partners are kept out of the indices (Pull: Statistics/Scope/PartnerScope) and reported beside them as a total.
    private static Dictionary<(Period, string), decimal>? IntraEuTotals(SeriesKey series, IReadOnlyList<TradeObservation> observations, Basis basis, IndexSelection window)
    {
        if (!PartnerScope.IsEuReporter(series.Reporter))
        {
            return null;
        }

        var totals = new Dictionary<(Period, string), decimal>();
        foreach (var p in WindowedIndices.Compute(observations, basis, PartnerScopeKind.IntraEu, window))
        {
            if (p.Row.Series == series.WithoutSource)
            {
                totals[(p.Row.Period, p.Currency)] = p.Row.Total;
            }
        }

        return totals;
    }

    private static IndexChange? Known(IndexSelection window, IndexChange? change, Period? pulledFrom) =>
        window == IndexSelection.Rolling12 && change is { } c && Truncated(c.Against, pulledFrom) ? null : change;

    // The rolling window ending with `end` covers end-11..end.
    private static bool Truncated(Period end, Period? pulledFrom) =>
        pulledFrom is { IsAnnual: false } from && !end.IsAnnual && MonthIndex(end) - 11 < MonthIndex(from);

    private static int MonthIndex(Period p) => (p.Year * 12) + p.Month - 1;
}
