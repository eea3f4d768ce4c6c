using Alerts.Compute.Store;
using Alerts.Evaluate.Lifecycle;
using Alerts.Pull;
using Alerts.Pull.Catalog;
using Alerts.Pull.Statistics;
using Microsoft.Extensions.Options;

namespace Alerts.Functions.Web;

/// <summary>
/// The materials of the catalog with their latest indices and live alerts (firing, recovering, pending, or marked
/// without data), read from the <c>indices</c> and <c>alerts</c> tables. Every series the catalog names is read by its key (newest row first), so a material whose
/// series are not pulled yet shows "no data" and fills in once they are. Kept for <see cref="CacheFor"/>: the page
/// is read far more often than a pull writes.
/// </summary>
public sealed class MaterialOverview(CommodityCatalog catalog, IndicesStore indices, AlertStore alerts, IOptions<PullOptions> pull, TimeProvider time)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(20);

    private const int Parallel = 8;
    private static readonly AlertStatus[] LiveStates = [AlertStatus.Firing, AlertStatus.Recovering, AlertStatus.Pending];
    private readonly Lock _gate = new();
    private (string Reporter, DateTimeOffset At, IReadOnlyList<MaterialSeries> Series, IReadOnlyList<AlertRecord> Live)? _cache;

    /// <summary>The reporters the page offers: the one the pull is configured for.</summary>
    public IReadOnlyList<string> Reporters => [pull.Value.Reporter];

    public IReadOnlyList<Commodity> Materials => catalog.Commodities;

    public Commodity? Find(string id) => catalog.Find(id);

    /// <summary>One row per catalog material; <paramref name="stage"/> null = every stage.</summary>
    public async Task<IReadOnlyList<MaterialRow>> ListAsync(string reporter, ProcessingStage? stage, CancellationToken cancellationToken)
    {
        var (series, live) = await ReadAsync(reporter, cancellationToken).ConfigureAwait(false);
        return [.. catalog.Commodities.Select(material =>
        {
            var mine = series.Where(s => s.Material.Id == material.Id && (stage is null || s.Stage == stage)).ToList();
            var headline = mine.Where(s => s.Latest is not null).OrderByDescending(s => s.Cr1).FirstOrDefault();
            var products = mine.Select(s => s.Product).ToHashSet(StringComparer.Ordinal);
            var alerts = live.Where(a => products.Contains(a.Product)).ToList();
            return new MaterialRow(material, headline, alerts.Count(a => AlertStatuses.IsFiring(a.State)), MaterialStates.Of(alerts, headline));
        })];
    }

    /// <summary>The series of one material with their latest rows (those without data too), and its firing alerts.</summary>
    public async Task<(IReadOnlyList<MaterialSeries> Series, IReadOnlyList<AlertRecord> Firing)> ForMaterialAsync(string reporter, Commodity material, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(material);
        var (series, live) = await ReadAsync(reporter, cancellationToken).ConfigureAwait(false);
        var mine = series.Where(s => s.Material.Id == material.Id).ToList();
        var products = mine.Select(s => s.Product).ToHashSet(StringComparer.Ordinal);
        return (mine, [.. live.Where(a => a.State == AlertStatus.Firing && products.Contains(a.Product))]);
    }

    private async Task<(IReadOnlyList<MaterialSeries>, IReadOnlyList<AlertRecord>)> ReadAsync(string reporter, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_cache is { } c && c.Reporter == reporter && time.GetUtcNow() - c.At < CacheFor)
            {
                return (c.Series, c.Live);
            }
        }

        var annual = !string.Equals(pull.Value.Frequency, "M", StringComparison.OrdinalIgnoreCase);
        var wanted = catalog.Commodities.SelectMany(m => MaterialSeries.Candidates(m).Select(c => (Material: m, c.Stage, c.Product))).ToList();
        var rows = new StoredIndices?[wanted.Count];
        await System.Threading.Tasks.Parallel.ForEachAsync(
            Enumerable.Range(0, wanted.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Parallel, CancellationToken = cancellationToken },
            async (i, ct) => rows[i] = await indices.GetLatestAsync(new SeriesKey(reporter, wanted[i].Product, TradeFlow.Import), Basis.Weight, annual, ct).ConfigureAwait(false))
            .ConfigureAwait(false);
        var series = wanted.Select((w, i) => new MaterialSeries(w.Material, w.Stage, w.Product, rows[i])).ToList();

        // Four keyed queries rather than a scan: the states that colour a material, and the rows marked without data.
        var live = new Dictionary<string, AlertRecord>(StringComparer.Ordinal);
        foreach (var state in LiveStates)
        {
            await AddAsync(live, alerts.ListAsync(state, cancellationToken), reporter).ConfigureAwait(false);
        }

        await AddAsync(live, alerts.ListNoDataAsync(cancellationToken), reporter).ConfigureAwait(false);
        var liveList = live.Values.ToList();

        lock (_gate)
        {
            _cache = (reporter, time.GetUtcNow(), series, liveList);
        }

        return (series, liveList);
    }

    private static async Task AddAsync(Dictionary<string, AlertRecord> into, IAsyncEnumerable<AlertRecord> alerts, string reporter)
    {
        await foreach (var alert in alerts.ConfigureAwait(false))
        {
            if (alert.Reporter == reporter)
            {
                into[alert.Fingerprint] = alert;
            }
        }
    }
}
