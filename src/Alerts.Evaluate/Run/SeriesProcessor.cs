using Alerts.Compute;
using Alerts.Compute.Mirror;
using Alerts.Compute.Series;
using Alerts.Evaluate.Lifecycle;
using Alerts.Pull;
using Alerts.Pull.Snapshots;
using Alerts.Pull.Sources;
using Alerts.Pull.State;
using Alerts.Pull.Statistics;
using Microsoft.Extensions.Logging;

namespace Alerts.Evaluate.Run;

/// <summary>
/// Steps 2 and 3 for one series: skipped when its data and settings are those of the last run, else
/// <see cref="ComputeStep"/> (indices computed and stored), <see cref="EvaluateStep"/> (rules, alert lifecycle,
/// events published, alerts saved), and last the snapshot and pull state that mark the series as done. The order
/// makes a crash at any point safe to re-run: a series not marked done is computed again, and its events keep
/// their deterministic ids, so a re-publish is dropped as a duplicate.
/// </summary>
public sealed partial class SeriesProcessor(
    SnapshotStore snapshots,
    PullStateStore pullStates,
    ComputeStep compute,
    EvaluateStep evaluate,
    TimeProvider time,
    ILogger<SeriesProcessor> logger)
{
    private string? computedWith;

    /// <summary>As the overload below with only the series' own observations: CRMA import proxy and supply risk, no consumption proxy.</summary>
    public Task<SeriesResult> ProcessAsync(
        string source, SeriesKey series, IReadOnlyList<TradeObservation> observations, string vintage, string runId, bool force, CancellationToken cancellationToken) =>
        ProcessAsync(source, series, observations, observations, vintage, runId, force, cancellationToken);

    /// <param name="productObservations">Every observation of the series' product (all flows), for the CRMA consumption
    /// proxy, which needs the export series beside the import series.</param>
    /// <param name="mirrorExports">Partner-reported exports to the EU of the product, for the mirror check (both sources
    /// pulled); part of what makes the series changed, so new mirror figures are evaluated even when the imports are not.</param>
    public async Task<SeriesResult> ProcessAsync(
        string source, SeriesKey series, IReadOnlyList<TradeObservation> observations, IReadOnlyList<TradeObservation> productObservations,
        string vintage, string runId, bool force, CancellationToken cancellationToken, IReadOnlyList<TradeObservation>? mirrorExports = null)
    {
        var hash = MirrorHash.Combine(SnapshotFormat.ContentHash(series.WithoutSource, observations), mirrorExports);
        var state = await pullStates.GetAsync(source, series, cancellationToken);
        var computation = ComputedWith;
        if (VintageOrder.IsOlder(vintage, state?.Vintage))
        {
            // A pull that fetched an older vintage than the one already processed (a recalculation and the timer racing,
            // or a lagging mirror) must not evaluate the older data: its alerts would flip back, and then forward again.
            // Even when forced: what it would recompute is superseded.
            LogOlderVintage(series, vintage, state!.Vintage!);
            return SeriesResult.Empty(new ProductOutcome(source, series.Product, ProductStatus.Unchanged, observations.Count, 0, vintage, null));
        }

        if (!force && state?.SnapshotHash == hash)
        {
            // Same data: recomputed only when the rules or the supply-risk files changed since (states from before the
            // fingerprint was kept count as current).
            if (state.ComputedWith is null || state.ComputedWith == computation)
            {
                LogUnchanged(series, vintage);
                return SeriesResult.Empty(new ProductOutcome(source, series.Product, ProductStatus.Unchanged, observations.Count, 0, vintage, null));
            }

            LogSettingsChanged(series);
        }

        var computed = await compute.ComputeAsync(series, observations, productObservations, evaluate.Windows, vintage, runId, cancellationToken, mirrorExports);
        var events = await evaluate.EvaluateAsync(computed.All, vintage, runId, cancellationToken);

        await snapshots.WriteAsync(source, series.WithoutSource, observations, vintage, cancellationToken);
        var watermark = observations.Count == 0 ? (Period?)null : observations.Max(o => o.Period);
        await pullStates.UpsertAsync([new PullState(source, series, watermark, vintage, hash, time.GetUtcNow(), computation)], cancellationToken);
        var indices = computed.Stored;
        LogComputed(series, indices.Count, events.Count, vintage);
        return new SeriesResult(new ProductOutcome(source, series.Product, ProductStatus.Fetched, observations.Count, indices.Count, vintage, null), indices, events);
    }

    private string ComputedWith => computedWith ??= ComputationFingerprint.Of(evaluate.Rules, compute.InputsFingerprint);

    [LoggerMessage(Level = LogLevel.Information, Message = "Series {Series}: data unchanged, rules or supply-risk files changed: recomputed")]
    private partial void LogSettingsChanged(SeriesKey series);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Series {Series}: fetched vintage {Vintage} is older than the processed {ProcessedVintage}: not evaluated")]
    private partial void LogOlderVintage(SeriesKey series, string vintage, string processedVintage);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Series {Series} unchanged at vintage {Vintage}: not recomputed")]
    private partial void LogUnchanged(SeriesKey series, string vintage);

    [LoggerMessage(Level = LogLevel.Information, Message = "Series {Series}: {Indices} index rows, {Events} alert events, vintage {Vintage}")]
    private partial void LogComputed(SeriesKey series, int indices, int events, string vintage);
}
