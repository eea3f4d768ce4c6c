using Alerts.Compute.Engine;
using Alerts.Compute.Store;
using Alerts.Deliver.Charts;
using Alerts.Evaluate.Lifecycle;
using Alerts.Pull.Catalog;
using Alerts.Pull.Statistics;

namespace Alerts.Functions.Web;

/// <summary>What the material page shows: the material's series, the chosen one's trend and latest suppliers, its alerts.</summary>
/// <param name="Alerts">Every alert that ever fired on the material's series (firing and resolved), newest change first.</param>
/// <param name="Revised">Periods of the chosen series an alert was raised on whose value a later data vintage changed.</param>
public sealed record MaterialDetails(
    Commodity Material,
    string Reporter,
    IReadOnlyList<MaterialSeries> Series,
    MaterialSeries? Selected,
    Basis Basis,
    IndexSelection Window,
    TrendSeries? Trend,
    StoredIndices? Latest,
    IReadOnlyList<AlertRecord> Alerts,
    IReadOnlySet<Period> Revised)
{
    /// <summary>Reads the page's data; <paramref name="product"/> picks the series (default: the highest top-supplier share).</summary>
    public static async Task<MaterialDetails> LoadAsync(
        MaterialOverview overview, TrendReader trends, AlertStore alerts, Commodity material, string reporter, string? product, Basis basis, IndexSelection window, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(overview);
        ArgumentNullException.ThrowIfNull(trends);
        ArgumentNullException.ThrowIfNull(alerts);
        var (series, _) = await overview.ForMaterialAsync(reporter, material, cancellationToken);
        var withData = series.Where(s => s.Latest is not null).ToList();
        var selected = series.FirstOrDefault(s => s.Product == product) ?? withData.OrderByDescending(s => s.Cr1).FirstOrDefault();

        var history = new List<AlertRecord>();
        foreach (var s in withData)
        {
            await foreach (var alert in alerts.ListBySeriesAsync(reporter, s.Product, cancellationToken))
            {
                if (alert.State != AlertStatus.Inactive)
                {
                    history.Add(alert);
                }
            }
        }

        history.Sort((a, b) => b.UpdatedAt.CompareTo(a.UpdatedAt));
        if (selected is null)
        {
            return new MaterialDetails(material, reporter, series, null, basis, window, null, null, history, new HashSet<Period>());
        }

        var (trend, latest) = await trends.ReadWithLatestAsync(reporter, selected.Product, basis, window, material.Name + " (" + selected.Stage.ToString().ToLowerInvariant() + ")", cancellationToken);
        var revised = RevisedPeriods(trend, history.Where(a => a.Product == selected.Product && a.Basis == basis));
        return new MaterialDetails(material, reporter, series, selected, basis, window, trend.WithRevisions(revised), latest, history, revised);
    }

    // An alerted period whose stored value no longer matches the value the alert was raised on was revised since.
    private static HashSet<Period> RevisedPeriods(TrendSeries trend, IEnumerable<AlertRecord> alerts)
    {
        var byPeriod = trend.Points.ToDictionary(p => p.Period);
        var revised = new HashSet<Period>();
        foreach (var alert in alerts)
        {
            foreach (var (period, alerted) in alert.AlertedPeriods)
            {
                if (byPeriod.TryGetValue(period, out var point) && ValueOf(alert.Metric, point) is { } now && Math.Abs(now - alerted.Value) > 1e-9 * Math.Max(1, Math.Abs(now)))
                {
                    revised.Add(period);
                }
            }
        }

        return revised;
    }

    private static double? ValueOf(string metric, TrendPoint point) => metric switch
    {
        "cr1" or "crmaImportShare" => point.Cr1,
        "cr3" => point.Cr3,
        "hhi" => point.Hhi,
        _ => null,
    };
}
