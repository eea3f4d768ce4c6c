using Alerts.Compute.Engine;
using Alerts.Compute.Series;
using Alerts.Compute.Store;
using Alerts.Evaluate.Breaches;
using Alerts.Evaluate.Lifecycle;
using Alerts.Evaluate.Rules;
using Alerts.Platform.Bus;
using Alerts.Platform.Storage;
using Alerts.Pull;
using Alerts.Pull.Snapshots;
using Alerts.Pull.Sources;
using Alerts.Pull.State;
using Alerts.Pull.Statistics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alerts.Evaluate.Run;

/// <summary>
/// Steps 1-3 of the pipeline for a scope, for each source of <see cref="PullOptions.EffectiveSources"/> in turn: pull
/// each product, and for every series whose data changed compute indices, evaluate rules, advance alerts and publish
/// their events to <c>breaches</c>; then the same for the commodity series summed from the products fetched
/// (<see cref="CommoditySeries"/>), and the no-data check of that source's alerts. Every series is labelled with its
/// source. With both sources, each Comext product also fetches the partners' exports to the EU (<see cref="MirrorExports"/>)
/// for the mirror check on its EU import rows. A failing product never stops the others; a series whose snapshot
/// did not change is not recomputed.
/// </summary>
public sealed partial class PullService(
    IEnumerable<ITradeSource> sources,
    IOptions<PullOptions> options,
    SeriesProcessor series,
    CommoditySeries commodities,
    NoDataStep noData,
    MirrorExports mirror,
    RawArchive archive,
    TimeProvider time,
    ILogger<PullService> logger)
{
    private readonly IReadOnlyList<ITradeSource> pulled = Resolve(sources, options.Value);

    /// <param name="force">Recompute series even when their snapshot did not change (a manual recalculation).</param>
    public async Task<PullReport> RunAsync(PullScope scope, bool force, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var started = time.GetUtcNow();
        var runId = RunIds.New(started);
        var names = string.Join(",", pulled.Select(s => s.Name));
        using var activity = EvaluateTelemetry.StartRun(runId, names);
        using var logScope = logger.BeginScope(new Dictionary<string, object> { ["RunId"] = runId });
        LogRunStarted(runId, names, scope.IsAll ? "all" : string.Join(",", scope.Products.Concat(scope.CommodityIds)));

        var outcomes = new List<ProductOutcome>();
        var indices = new List<SeriesIndices>();
        var events = new List<AlertEvent>();
        foreach (var source in pulled)
        {
            await RunSourceAsync(source, scope, runId, force, outcomes, indices, events, cancellationToken);
        }

        var report = new PullReport(runId, started, time.GetUtcNow(), outcomes, indices, events);
        LogRunFinished(runId, report.Count(ProductStatus.Fetched), report.Count(ProductStatus.Unchanged), report.Count(ProductStatus.Skipped), report.Count(ProductStatus.Failed), events.Count);
        return report;
    }

    // One source's part of a run: its products, its commodity series, the no-data check of its alerts.
    private async Task RunSourceAsync(
        ITradeSource source, PullScope scope, string runId, bool force, List<ProductOutcome> allOutcomes, List<SeriesIndices> indices, List<AlertEvent> events,
        CancellationToken cancellationToken)
    {
        var outcomes = new List<ProductOutcome>();
        var commoditySeries = commodities.InScope(scope);
        var named = commodities.NamedBy(scope);
        var fetched = new Dictionary<string, FetchedProduct>(StringComparer.Ordinal);
        foreach (var product in options.Value.EffectiveProducts)
        {
            // A commodity the scope names brings the products it sums; one reached through a product of the scope
            // does not widen the pull (it is skipped, saying which products it lacks).
            if (!scope.Includes(product) && !named.Any(c => c.Products.Contains(product, StringComparer.Ordinal)))
            {
                continue;
            }

            var productStarted = time.GetTimestamp();
            var (result, data) = await PullProductAsync(source, product, runId, force, cancellationToken);
            PullTelemetry.RecordProduct(result.Outcome, time.GetElapsedTime(productStarted));
            fetched[product] = new FetchedProduct(result.Outcome, data);
            outcomes.Add(result.Outcome);
            indices.AddRange(result.Indices);
            events.AddRange(result.Events);
        }

        foreach (var unknown in scope.Products.Where(p => !options.Value.EffectiveProducts.Contains(p, StringComparer.OrdinalIgnoreCase)))
        {
            outcomes.Add(new ProductOutcome(source.Name, unknown, ProductStatus.Skipped, 0, 0, null, $"Product {unknown} is not configured (setting Pull:Products)."));
        }

        foreach (var result in await commodities.ProcessAsync(source.Name, commoditySeries, fetched, runId, force, cancellationToken))
        {
            outcomes.Add(result.Outcome);
            indices.AddRange(result.Indices);
            events.AddRange(result.Events);
        }

        foreach (var unknown in commodities.Unknown(scope))
        {
            outcomes.Add(new ProductOutcome(source.Name, unknown, ProductStatus.Skipped, 0, 0, null,
                $"Commodity {unknown} is not computed: not in setting Pull:Commodities, or none of its codes is in Pull:Products.", Commodity: unknown));
        }

        // Last, the alerts of every series the source covered are checked for missing data (new periods were evaluated above).
        var periods = fetched.Values.Where(f => f.Data is not null).SelectMany(f => f.Data!.Observations.Select(o => o.Period)).Distinct();
        events.AddRange(await noData.CheckAsync(outcomes, periods, runId, cancellationToken, source.Name));
        allOutcomes.AddRange(outcomes);
    }

    private async Task<(SeriesResult Result, TradeDataSet? Data)> PullProductAsync(ITradeSource source, string product, string runId, bool force, CancellationToken cancellationToken)
    {
        TradeDataSet data;
        try
        {
            data = await source.FetchAsync(product, cancellationToken);
        }
        catch (TradeSourceException e) when (e.NotAttempted)
        {
            // Our own limits (call budget, open circuit) kept the request from being sent: not a source failure.
            LogProductSkipped(source.Name, product, e.Message);
            return (SeriesResult.Empty(new ProductOutcome(source.Name, product, ProductStatus.Skipped, 0, 0, null, e.Message)), null);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // One product's failure is reported and the run goes on with the others; nothing was stored for it.
            LogProductFailed(e, source.Name, product, e.Message);
            return (SeriesResult.Empty(new ProductOutcome(source.Name, product, ProductStatus.Failed, 0, 0, null, e.Message)), null);
        }

        // Both sources: the partners' side of the mirror check, for the EU's import series of a Comext product.
        var mirrorExports = source.Name == SeriesKey.DefaultSource && options.Value.PullsBothSources
            ? await mirror.FetchAsync(product, data, cancellationToken)
            : null;
        var vintage = data.Vintage.IsKnown ? data.Vintage.ToString() : $"content-{data.ContentFingerprint[..16]}";
        var results = new List<SeriesResult>();
        foreach (var group in data.BySeries())
        {
            var key = group.Key with { Source = source.Name };
            results.Add(await series.ProcessAsync(source.Name, key, [.. group], data.Observations, vintage, runId, force, cancellationToken, mirrorExports));
        }

        var fetched = results.Any(r => r.Outcome.Status == ProductStatus.Fetched);
        if (fetched)
        {
            await ArchiveAsync(source, product, runId, data.Payloads, cancellationToken);
        }

        var outcome = new ProductOutcome(
            source.Name,
            product,
            fetched ? ProductStatus.Fetched : ProductStatus.Unchanged,
            data.Observations.Count,
            results.Sum(r => r.Indices.Count),
            vintage,
            null);
        LogProductDone(source.Name, product, outcome.Status, outcome.Observations, vintage);
        return (new SeriesResult(outcome, [.. results.SelectMany(r => r.Indices)], [.. results.SelectMany(r => r.Events)]), data);
    }

    // The sources of Pull:Sources (or Pull:Source), each registered once, in the order listed.
    private static List<ITradeSource> Resolve(IEnumerable<ITradeSource> sources, PullOptions options)
    {
        var registered = sources.ToList();
        return [.. options.EffectiveSources.Select(name => registered.FirstOrDefault(s => s.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidOperationException($"Setting Pull:Sources names '{name}', which is not a registered source ({string.Join(", ", registered.Select(s => s.Name))})."))];
    }

    /// <summary>Keeps the payloads that brought new data, for audit: <c>raw/{source}/{date}/{runId}/{product}[.n].{ext}.gz</c>.</summary>
    private async Task ArchiveAsync(ITradeSource source, string product, string runId, IReadOnlyList<RawPayload> payloads, CancellationToken cancellationToken)
    {
        var date = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        for (var i = 0; i < payloads.Count; i++)
        {
            var name = payloads.Count == 1 ? product : $"{product}.{i + 1}";
            await archive.ArchiveAsync(source.Name, date, runId, name, payloads[i].Bytes, payloads[i].Extension, cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId} started: sources {Source}, products {Products}")]
    private partial void LogRunStarted(string runId, string source, string products);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId} finished: {Fetched} fetched, {Unchanged} unchanged, {Skipped} skipped, {Failed} failed, {Events} alert events")]
    private partial void LogRunFinished(string runId, int fetched, int unchanged, int skipped, int failed, int events);

    [LoggerMessage(Level = LogLevel.Error, Message = "Pull of {Source} product {Product} failed: {Reason}")]
    private partial void LogProductFailed(Exception exception, string source, string product, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pull of {Source} product {Product} skipped: {Reason}")]
    private partial void LogProductSkipped(string source, string product, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Pulled {Source} product {Product}: {Status}, {Observations} observations, vintage {Vintage}")]
    private partial void LogProductDone(string source, string product, ProductStatus status, int observations, string vintage);
}
