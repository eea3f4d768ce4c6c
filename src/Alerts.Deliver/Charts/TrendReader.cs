using Alerts.Compute.Engine;
using Alerts.Compute.Store;
using Alerts.Pull.Statistics;

namespace Alerts.Deliver.Charts;

/// <summary>Reads a series' import trend from the <c>indices</c> table: the rows of one basis and window, oldest first.</summary>
public sealed class TrendReader(IndicesStore indices)
{
    /// <summary>Most periods a chart shows (the newest ones): five years of months, or sixty years.</summary>
    public const int MaxPoints = 60;

    public async Task<TrendSeries> ReadAsync(string reporter, string product, Basis basis, IndexSelection window, string? name, CancellationToken cancellationToken) =>
        (await ReadWithLatestAsync(reporter, product, basis, window, name, cancellationToken).ConfigureAwait(false)).Series;

    /// <summary>The trend and the newest stored row it ends with (its suppliers, for a table beside the chart).</summary>
    public async Task<(TrendSeries Series, StoredIndices? Latest)> ReadWithLatestAsync(
        string reporter, string product, Basis basis, IndexSelection window, string? name, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reporter);
        ArgumentException.ThrowIfNullOrWhiteSpace(product);
        var rows = new List<StoredIndices>();
        await foreach (var row in indices.ListAsync(reporter, product, cancellationToken).ConfigureAwait(false))
        {
            var i = row.Indices;
            if (i.Series.Flow == TradeFlow.Import && i.Basis == basis && i.Window == window)
            {
                rows.Add(row);
            }
        }

        // A published series may hold both annual and monthly rows: chart the frequency of the newest row.
        var newest = rows.OrderByDescending(r => r.Indices.Period).FirstOrDefault();
        var sameFrequency = rows.Where(r => newest is null || r.Indices.Period.IsAnnual == newest.Indices.Period.IsAnnual)
            .OrderBy(r => r.Indices.Period)
            .TakeLast(MaxPoints)
            .ToList();
        var points = sameFrequency.Select(r => new TrendPoint(
            r.Indices.Period, r.Indices.Indices.Cr1, r.Indices.Indices.Cr3, r.Indices.Indices.Hhi, r.Indices.Indices.TopSupplier)).ToList();
        var readable = name ?? sameFrequency.Select(r => r.Indices.CommodityName).FirstOrDefault(n => !string.IsNullOrWhiteSpace(n)) ?? product;
        return (new TrendSeries(reporter, product, readable, basis, window, points), sameFrequency.LastOrDefault());
    }
}
