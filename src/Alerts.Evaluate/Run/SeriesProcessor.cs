using Alerts.Compute.Engine;
using Alerts.Compute.Series;
using Alerts.Compute.Store;
using Alerts.Evaluate.Breaches;
using Alerts.Evaluate.Lifecycle;
using Alerts.Evaluate.Rules;
using Alerts.Platform.Bus;
using Alerts.Platform.Storage;
using Alerts.Pull;
using Alerts.Pull.Catalog;
using Alerts.Pull.Snapshots;
using Alerts.Pull.Sources;
using Alerts.Pull.State;
using Alerts.Pull.Statistics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alerts.Evaluate.Run;

/// <summary>
/// Steps 2 and 3 for one series: compute indices on both bases, store them, evaluate the rules, advance each
/// alert and publish its events. The order makes a crash at any point safe to re-run: events are published
/// before the alert state that produced them is saved (ids are deterministic, so a re-publish is dropped as a
/// duplicate), and the snapshot and pull state that mark the series as done are written last.
/// </summary>
public sealed partial class SeriesProcessor(
    SnapshotStore snapshots,
    PullStateStore pullStates,
    IndicesStore indicesStore,
    AlertStore alerts,
    RuleEvaluator rules,
    CommodityCatalog catalog,
    BreachPublisher breaches,
    IOptions<PullOptions> pullOptions,
    SupplyMetricsSource supplyMetrics,
    TimeProvider time,
    ILogger<SeriesProcessor> logger)
{
    private string? computedWith;
    private IReadOnlyDictionary<string, IReadOnlyList<string>>? standIns;

    /// <summary>As the overload below with only the series' own observations: CRMA import proxy and supply risk, no consumption proxy.</summary>
    public Task<SeriesResult> ProcessAsync(
        string source, SeriesKey series, IReadOnlyList<TradeObservation> observations, string vintage, string runId, bool force, CancellationToken cancellationToken) =>
        ProcessAsync(source, series, observations, observations, vintage, runId, force, cancellationToken);

    /// <param name="productObservations">Every observation of the series' product (all flows), for the CRMA consumption
    /// proxy, which needs the export series beside the import series.</param>
    public async Task<SeriesResult> ProcessAsync(
        string source, SeriesKey series, IReadOnlyList<TradeObservation> observations, IReadOnlyList<TradeObservation> productObservations,
        string vintage, string runId, bool force, CancellationToken cancellationToken)
    {
        var hash = SnapshotFormat.ContentHash(series, observations);
        var state = await pullStates.GetAsync(source, series, cancellationToken);
        var computation = ComputedWith;
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

        var name = ProductNames.For(series.Product, catalog);
        // The stored windows (published periods, rolling 12 months) plus any other a rule reads, with their changes.
        // CRMA shares and supply risk go on the annual import rows; the consumption proxy reads the product's exports.
        // Each row names the catalog commodities its product belongs to, for rules scoped by commodity id.
        var commodityIds = CommodityIdsOf(series.Product);
        IReadOnlyList<SeriesIndices> computed = [.. supplyMetrics.Enrich(
                SeriesWindows.Compute(series, observations, name, SeriesWindows.Stored.Concat(rules.Rules.Select(r => r.Window)), PullWindow.For(pullOptions.Value, time.GetUtcNow()).From),
                productObservations)
            .Select(i => i with { CommodityIds = commodityIds })];
        var indices = computed.Where(i => SeriesWindows.Stored.Contains(i.Window)).ToList();
        await indicesStore.UpsertAsync(indices, vintage, runId, cancellationToken);

        var events = new List<AlertEvent>();
        foreach (var evaluation in rules.Evaluate(computed))
        {
            events.AddRange(await AdvanceAlertAsync(evaluation, vintage, runId, cancellationToken));
        }

        await snapshots.WriteAsync(source, series, observations, vintage, cancellationToken);
        var watermark = observations.Count == 0 ? (Period?)null : observations.Max(o => o.Period);
        await pullStates.UpsertAsync([new PullState(source, series, watermark, vintage, hash, time.GetUtcNow(), computation)], cancellationToken);
        LogComputed(series, indices.Count, events.Count, vintage);
        return new SeriesResult(new ProductOutcome(source, series.Product, ProductStatus.Fetched, observations.Count, indices.Count, vintage, null), indices, events);
    }

    private async Task<IReadOnlyList<AlertEvent>> AdvanceAlertAsync(SeriesEvaluation evaluation, string vintage, string runId, CancellationToken cancellationToken)
    {
        var fingerprint = AlertFingerprint.Compute(evaluation.Rule.Id, evaluation.Series, evaluation.Basis, evaluation.Rule.Window);
        var published = new List<AlertEvent>();
        for (var attempt = 1; ; attempt++)
        {
            var current = await alerts.GetAsync(evaluation.Series, fingerprint, cancellationToken);
            var transition = AlertLifecycle.Apply(current?.Value, evaluation, vintage, time.GetUtcNow(), runId);
            if (!transition.Changed)
            {
                return published;
            }

            // Events name the product's commodities, so subscriptions by commodity id match a product's alerts.
            var fresh = transition.Events
                .Where(e => published.TrueForAll(p => p.EventId != e.EventId))
                .Select(e => e with { CommodityIds = CommodityIdsOf(e.Commodity) })
                .ToList();
            if (fresh.Count > 0)
            {
                await breaches.PublishAsync(fresh, cancellationToken);
                published.AddRange(fresh);
                foreach (var e in fresh)
                {
                    LogEventPublished(e.Fingerprint, e.EventId, e.State, e.RuleId, e.Commodity, e.Value);
                    EvaluateTelemetry.RecordEvent(e);
                }
            }

            try
            {
                await alerts.SaveAsync(transition.Record, current?.ETag, cancellationToken);
                return published;
            }
            catch (StorageConflictException) when (attempt < AlertStore.MaxAttempts)
            {
                // An overlapping run stored first; re-apply on its record. Events already published keep their ids.
            }
        }
    }

    // A commodity series (rare-earths/metal) is matched by its own id; a product by the commodities whose stages it
    // stands in for (those not computed as a series of their own).
    private IReadOnlyList<string> CommodityIdsOf(string product) =>
        (standIns ??= CommodityStandIns.Of(catalog, pullOptions.Value.EffectiveProducts, CommoditySeriesSelection.Select(catalog, pullOptions.Value)))
            .GetValueOrDefault(product) ?? [];

    private string ComputedWith => computedWith ??= ComputationFingerprint.Of(rules.Rules, supplyMetrics.InputsFingerprint);

    [LoggerMessage(Level = LogLevel.Information, Message = "Series {Series}: data unchanged, rules or supply-risk files changed: recomputed")]
    private partial void LogSettingsChanged(SeriesKey series);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Series {Series} unchanged at vintage {Vintage}: not recomputed")]
    private partial void LogUnchanged(SeriesKey series, string vintage);

    [LoggerMessage(Level = LogLevel.Information, Message = "Series {Series}: {Indices} index rows, {Events} alert events, vintage {Vintage}")]
    private partial void LogComputed(SeriesKey series, int indices, int events, string vintage);

    [LoggerMessage(Level = LogLevel.Information, Message = "Alert {Fingerprint} event {EventId} {State}: rule {RuleId} on {Commodity}, value {Value}")]
    private partial void LogEventPublished(string fingerprint, string eventId, AlertState state, string ruleId, string commodity, double value);
}
