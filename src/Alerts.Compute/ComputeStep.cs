using Alerts.Compute.Engine;
using Alerts.Compute.Mirror;
using Alerts.Compute.Series;
using Alerts.Compute.Store;
using Alerts.Pull;
using Alerts.Pull.Catalog;
using Alerts.Pull.Sources;
using Alerts.Pull.Statistics;
using Microsoft.Extensions.Options;

namespace Alerts.Compute;

/// <summary>
/// Step 2 for one series: its index windows on both bases, with the supply metrics, stored in the indices table.
/// </summary>
public sealed class ComputeStep(
    IndicesStore indices,
    SupplyMetricsSource supplyMetrics,
    SeriesCommodities commodities,
    CommodityCatalog catalog,
    IOptions<PullOptions> pullOptions,
    TimeProvider time)
{
    /// <summary>The operator's supply-risk files the results depend on (part of the pull state's computation fingerprint).</summary>
    public string InputsFingerprint => supplyMetrics.InputsFingerprint;

    /// <param name="productObservations">Every observation of the series' product (all flows), for the CRMA consumption
    /// proxy, which needs the export series beside the import series.</param>
    /// <param name="extraWindows">Windows computed besides the stored ones because a rule reads them; not stored.</param>
    /// <param name="mirrorExports">Partner-reported exports to the EU of the product (Comtrade), for the mirror check on the
    /// EU's annual import rows (<see cref="MirrorEnricher"/>); null or empty: no check.</param>
    public async Task<ComputedSeries> ComputeAsync(
        SeriesKey series, IReadOnlyList<TradeObservation> observations, IReadOnlyList<TradeObservation> productObservations,
        IEnumerable<IndexSelection> extraWindows, string vintage, string runId, CancellationToken cancellationToken,
        IReadOnlyList<TradeObservation>? mirrorExports = null)
    {
        // The stored windows (published periods, rolling 12 months) plus any other a rule reads, with their changes.
        // CRMA shares and supply risk go on the annual import rows; the consumption proxy reads the product's exports.
        // Each row names the catalog commodities its product belongs to, for rules scoped by commodity id.
        var name = ProductNames.For(series.Product, catalog);
        var commodityIds = commodities.Of(series.Product);
        var from = PullWindow.For(pullOptions.Value, time.GetUtcNow()).From;
        IReadOnlyList<SeriesIndices> all = [.. MirrorEnricher.Enrich(
                supplyMetrics.Enrich(
                    SeriesWindows.Compute(series, observations, name, SeriesWindows.Stored.Concat(extraWindows), from),
                    productObservations),
                observations,
                mirrorExports ?? [])
            .Select(i => i with { CommodityIds = commodityIds })];
        var stored = all.Where(i => SeriesWindows.Stored.Contains(i.Window)).ToList();
        await indices.UpsertAsync(stored, vintage, runId, cancellationToken).ConfigureAwait(false);
        return new ComputedSeries(all, stored);
    }
}
