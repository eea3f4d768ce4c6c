using Alerts.Compute.Engine;
using Alerts.Pull;
using Alerts.Pull.Catalog;
using Alerts.Pull.Sources;
using Alerts.Pull.Statistics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alerts.Evaluate.Run;

/// <summary>
/// Commodity series in a run: after the products are fetched, each selected commodity stage sums the flows of
/// its products (<see cref="CommodityAggregator"/>) and goes through <see cref="SeriesProcessor"/> as its own
/// series (<c>rare-earths/metal</c>), so it gets indices, rules, alerts, a snapshot and a pull state like a
/// product. A series whose products did not all arrive is skipped with the reason, never computed from part of them.
/// </summary>
public sealed partial class CommoditySeries(
    SeriesProcessor series,
    CommodityCatalog catalog,
    IOptions<PullOptions> options,
    ILogger<CommoditySeries> logger)
{
    private IReadOnlyList<CommodityStageCoverage>? configured;

    /// <summary>The commodity stages the settings select (<see cref="PullOptions.Commodities"/>, <see cref="PullOptions.AggregateCommodities"/>).</summary>
    public IReadOnlyList<CommodityStageCoverage> Configured => configured ??= CommoditySeriesSelection.Select(catalog, options.Value);

    /// <summary>The configured series a scope covers: all for <see cref="PullScope.All"/>; else those it names and those summing a product it names.</summary>
    public IReadOnlyList<CommodityStageCoverage> InScope(PullScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return scope.IsAll
            ? Configured
            : [.. Configured.Where(s => scope.CommodityIds.Any(s.IsNamedBy) || s.Products.Any(p => scope.Products.Contains(p, StringComparer.OrdinalIgnoreCase)))];
    }

    /// <summary>The configured series a scope names by commodity id or series (all for <see cref="PullScope.All"/>): their products are pulled.</summary>
    public IReadOnlyList<CommodityStageCoverage> NamedBy(PullScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return scope.IsAll ? Configured : [.. Configured.Where(s => scope.CommodityIds.Any(s.IsNamedBy))];
    }

    /// <summary>Scope entries that name no configured commodity series.</summary>
    public IEnumerable<string> Unknown(PullScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return scope.CommodityIds.Where(c => !Configured.Any(s => s.IsNamedBy(c)));
    }

    /// <summary>Sums and processes each series of <paramref name="selected"/> from the products of this run.</summary>
    public async Task<IReadOnlyList<SeriesResult>> ProcessAsync(
        string source, IReadOnlyList<CommodityStageCoverage> selected, IReadOnlyDictionary<string, FetchedProduct> fetched, string runId, bool force, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(selected);
        ArgumentNullException.ThrowIfNull(fetched);
        var results = new List<SeriesResult>();
        foreach (var s in selected)
        {
            results.Add(await ProcessOneAsync(source, s, fetched, runId, force, cancellationToken));
        }

        return results;
    }

    private async Task<SeriesResult> ProcessOneAsync(
        string source, CommodityStageCoverage s, IReadOnlyDictionary<string, FetchedProduct> fetched, string runId, bool force, CancellationToken cancellationToken)
    {
        var missing = s.Products.Where(p => fetched.GetValueOrDefault(p)?.Data is null).ToList();
        if (missing.Count > 0)
        {
            var reasons = missing.Select(p => fetched.GetValueOrDefault(p) is { } f
                ? $"product {p} {f.Outcome.Status.ToString().ToLowerInvariant()}{(f.Outcome.Error is { } e ? $" ({e})" : string.Empty)}"
                : $"product {p} is not in this run's scope (name the commodity to pull all it sums)");
            var reason = $"Not computed: {s.SeriesProduct} sums {string.Join(", ", s.Products)}, and {string.Join("; ", reasons)}.";
            LogSkipped(source, s.SeriesProduct, reason);
            return SeriesResult.Empty(Outcome(source, s, ProductStatus.Skipped, 0, 0, null, reason));
        }

        var parts = s.Products.Select(p => fetched[p].Data!).ToList();
        IReadOnlyList<TradeObservation> sums;
        try
        {
            sums = CommodityAggregator.Aggregate(parts.SelectMany(d => d.Observations), s.Commodity, s.Stage);
        }
        catch (InvalidOperationException e)
        {
            LogSkipped(source, s.SeriesProduct, e.Message);
            return SeriesResult.Empty(Outcome(source, s, ProductStatus.Failed, 0, 0, null, e.Message));
        }

        var vintage = Vintage(parts, sums);
        var results = new List<SeriesResult>();
        foreach (var group in sums.ToLookup(o => new SeriesKey(o.Reporter, o.Product, o.Flow)))
        {
            // Labelled with its source, as the products it sums are.
            results.Add(await series.ProcessAsync(source, group.Key with { Source = source }, [.. group], sums, vintage, runId, force, cancellationToken));
        }

        var status = results.Any(r => r.Outcome.Status == ProductStatus.Fetched) ? ProductStatus.Fetched : ProductStatus.Unchanged;
        var outcome = Outcome(source, s, status, sums.Count, results.Sum(r => r.Indices.Count), vintage, null);
        LogDone(source, s.SeriesProduct, status, sums.Count, string.Join(",", s.Products), vintage);
        return new SeriesResult(outcome, [.. results.SelectMany(r => r.Indices)], [.. results.SelectMany(r => r.Events)]);
    }

    // Every part's release stamp known: the latest one; otherwise the sums' content, as for a product without a stamp.
    private static string Vintage(IReadOnlyList<TradeDataSet> parts, IReadOnlyList<TradeObservation> sums)
    {
        if (parts.All(p => p.Vintage.IsKnown))
        {
            return parts.Select(p => p.Vintage).Aggregate(DataVintage.Latest).ToString();
        }

        var data = new TradeDataSet(parts[0].Source, parts[0].Format, "commodity", DataVintage.Unknown, sums);
        return $"content-{data.ContentFingerprint[..16]}";
    }

    private static ProductOutcome Outcome(string source, CommodityStageCoverage s, ProductStatus status, int observations, int indices, string? vintage, string? error) =>
        new(source, s.SeriesProduct, status, observations, indices, vintage, error, s.Commodity.Id, s.Products, s.Note);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Commodity series {Source} {Series} skipped: {Reason}")]
    private partial void LogSkipped(string source, string series, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Commodity series {Source} {Series}: {Status}, {Observations} summed observations of products {Products}, vintage {Vintage}")]
    private partial void LogDone(string source, string series, ProductStatus status, int observations, string products, string vintage);
}
