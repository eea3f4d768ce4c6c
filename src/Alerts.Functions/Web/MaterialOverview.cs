using Alerts.Compute.Store;
using Alerts.Evaluate.Lifecycle;
using Alerts.Pull;
using Alerts.Pull.Catalog;
using Alerts.Pull.Statistics;
using Microsoft.Extensions.Options;

namespace Alerts.Functions.Web;

/// <summary>
/// The materials of the catalog with their latest indices and firing alerts, read from the <c>indices</c> and
/// <c>alerts</c> tables. Every series the catalog names is read by its key (newest row first), so a material whose
/// series are not pulled yet shows "no data" and fills in once they are. Kept for <see cref="CacheFor"/>: the page
/// is read far more often than a pull writes.
/// </summary>
public sealed class MaterialOverview(CommodityCatalog catalog, IndicesStore indices, AlertStore alerts, IOptions<PullOptions> pull, TimeProvider time)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(20);

    private const int Parallel = 8;
    private readonly Lock _gate = new();
    private (string Reporter, DateTimeOffset At, IReadOnlyList<MaterialSeries> Series, IReadOnlyList<AlertRecord> Firing)? _cache;

    /// <summary>The reporters the page offers: the one the pull is configured for.</summary>
    public IReadOnlyList<string> Reporters => [pull.Value.Reporter];

    public IReadOnlyList<Commodity> Materials => catalog.Commodities;

    public Commodity? Find(string id) => catalog.Find(id);

    /// <summary>One row per catalog material; <paramref name="stage"/> null = every stage.</summary>
    public async Task<IReadOnlyList<MaterialRow>> ListAsync(string reporter, ProcessingStage? stage, CancellationToken cancellationToken)
    {
        var (series, firing) = await ReadAsync(reporter, cancellationToken).ConfigureAwait(false);
        return [.. catalog.Commodities.Select(material =>
        {
            var mine = series.Where(s => s.Material.Id == material.Id && (stage is null || s.Stage == stage)).ToList();
            var headline = mine.Where(s => s.Latest is not null).OrderByDescending(s => s.Cr1).FirstOrDefault();
            var products = mine.Select(s => s.Product).ToHashSet(StringComparer.Ordinal);
            var firingCount = firing.Count(a => products.Contains(a.Product));
            var state = firingCount > 0 ? MaterialState.Firing : headline is null ? MaterialState.NoData : MaterialState.Ok;
            return new MaterialRow(material, headline, firingCount, state);
        })];
    }

    /// <summary>The series of one material with their latest rows (those without data too), and its firing alerts.</summary>
    public async Task<(IReadOnlyList<MaterialSeries> Series, IReadOnlyList<AlertRecord> Firing)> ForMaterialAsync(string reporter, Commodity material, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(material);
        var (series, firing) = await ReadAsync(reporter, cancellationToken).ConfigureAwait(false);
        var mine = series.Where(s => s.Material.Id == material.Id).ToList();
        var products = mine.Select(s => s.Product).ToHashSet(StringComparer.Ordinal);
        return (mine, [.. firing.Where(a => products.Contains(a.Product))]);
    }

    private async Task<(IReadOnlyList<MaterialSeries>, IReadOnlyList<AlertRecord>)> ReadAsync(string reporter, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_cache is { } c && c.Reporter == reporter && time.GetUtcNow() - c.At < CacheFor)
            {
                return (c.Series, c.Firing);
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

        var firing = new List<AlertRecord>();
        await foreach (var alert in alerts.ListAsync(AlertStatus.Firing, cancellationToken).ConfigureAwait(false))
        {
            if (alert.Reporter == reporter)
            {
                firing.Add(alert);
            }
        }

        lock (_gate)
        {
            _cache = (reporter, time.GetUtcNow(), series, firing);
        }

        return (series, firing);
    }
}
