using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Alerts.Compute.Engine;
using Alerts.Compute.Series;
using Alerts.Compute.SupplyRisk;
using Alerts.Platform.Storage;
using Alerts.Pull.Snapshots;
using Alerts.Pull.State;
using Alerts.Pull.Statistics;
using Azure.Data.Tables;

namespace Alerts.Compute.Store;

/// <summary>
/// The <c>indices</c> table: one row per (series, basis, window, period). PartitionKey = reporter|product for Comext
/// series (the keys rows had before sources were told apart) and reporter|product|source for any other source
/// (<c>EU27_2020|850511|comtrade</c>), so two sources of one product never overwrite each other and every row
/// written before reads as Comext's (column <c>Source</c>, absent = <c>comext</c>). All indices of one product for
/// one reporter and source are one partition (written in transactions, read in one query);
/// RowKey = flow|basis|frequency|inverted period for the published periods (frequency <c>A</c> or <c>M</c>, the
/// keys rows had before windows were stored) and flow|basis|window|inverted period for any other window
/// (e.g. <c>import|weight|rolling12|797593</c>), so windows never collide and the newest period of a series
/// sorts first. Rows written before windows were stored have no <c>Window</c> column and read as published.
/// Each row carries its changes against the previous period and a year earlier (columns named like the rule
/// metrics, e.g. <c>HhiChangeFromYearAgo</c>), absent when there is no comparable earlier row. The index columns
/// are those of the index set (<see cref="IndexColumns"/>, <see cref="IndexSet.IndexFields"/>).
/// </summary>
public sealed class IndicesStore
{
    /// <summary>Suppliers kept per row (by share); the rest only count in <see cref="ConcentrationIndices.Suppliers"/>.</summary>
    public const int StoredTopSuppliers = 25;

    private const int MaxBatch = 100;
    private readonly TableClient table;

    public IndicesStore(StorageAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        table = account.Table(StorageNames.IndicesTable);
    }

    /// <summary>
    /// Upserts the rows. Every row is checked before anything is written, and each partition is written in
    /// transactions of up to 100 rows, so a bad row stores nothing and a partition of at most 100 rows is
    /// all-or-nothing.
    /// </summary>
    /// <exception cref="ArgumentException">A row has a non-finite index or a bad code; names the row.</exception>
    public async Task UpsertAsync(IEnumerable<SeriesIndices> rows, string vintage, string runId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentException.ThrowIfNullOrWhiteSpace(vintage);
        ArgumentException.ThrowIfNullOrWhiteSpace(runId);
        var entities = rows.Select(r => ToEntity(r, vintage, runId)).ToList();
        foreach (var partition in entities.GroupBy(e => e.PartitionKey, StringComparer.Ordinal))
        {
            foreach (var chunk in partition.DistinctBy(e => e.RowKey, StringComparer.Ordinal).Chunk(MaxBatch))
            {
                await table.SubmitTransactionAsync(
                    chunk.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)),
                    cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>The newest published period's indices of a series, or null.</summary>
    public async Task<StoredIndices?> GetLatestAsync(SeriesKey series, Basis basis, bool annual, CancellationToken cancellationToken)
    {
        var prefix = TableKeys.Join(series.Flow.Name(), basis.Name(), annual ? "A" : "M") + "|";
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition(series)} and RowKey ge {prefix} and RowKey lt {prefix[..^1] + "}"}");
        await foreach (var e in table.QueryAsync<TableEntity>(filter, maxPerPage: 1, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            return FromEntity(e);
        }

        return null;
    }

    /// <summary>Every stored row of one reporter and product (of Comext, or of <paramref name="source"/>): by flow, basis and frequency, newest period first.</summary>
    public async IAsyncEnumerable<StoredIndices> ListAsync(string reporter, string product, [EnumeratorCancellation] CancellationToken cancellationToken, string source = SeriesKey.DefaultSource)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition(new SeriesKey(reporter, product, TradeFlow.Import) { Source = source })}");
        await foreach (var e in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            yield return FromEntity(e);
        }
    }

    /// <summary>The latest period of every series, basis and window of one product, across reporters.</summary>
    public Task<IReadOnlyList<StoredIndices>> GetLatestForProductAsync(string product, CancellationToken cancellationToken) =>
        GetLatestForProductAsync(product, null, cancellationToken);

    /// <summary>
    /// The latest period of every series and basis of one product in <paramref name="window"/> (null = every
    /// window), across reporters and sources; ordered by reporter, source, flow, basis, window.
    /// </summary>
    public async Task<IReadOnlyList<StoredIndices>> GetLatestForProductAsync(string product, IndexSelection? window, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"Product eq {product}");
        var latest = new Dictionary<(string, string, TradeFlow, Basis, IndexSelection, bool), StoredIndices>();
        await foreach (var e in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            var row = FromEntity(e);
            var i = row.Indices;
            if (window is not null && i.Window != window)
            {
                continue;
            }

            var key = (i.Series.Reporter, i.Series.Source, i.Series.Flow, i.Basis, i.Window, i.Period.IsAnnual);
            if (!latest.TryGetValue(key, out var known) || known.Indices.Period < i.Period)
            {
                latest[key] = row;
            }
        }

        return [.. latest.Values
            .OrderBy(r => r.Indices.Series.Reporter, StringComparer.Ordinal)
            .ThenBy(r => r.Indices.Series.Source, StringComparer.Ordinal)
            .ThenBy(r => r.Indices.Series.Flow)
            .ThenBy(r => r.Indices.Basis)
            .ThenBy(r => r.Indices.Window)];
    }

    private static string Partition(SeriesKey series) =>
        series.HasOtherSource ? TableKeys.Join(series.Reporter, series.Product, series.Source) : TableKeys.Join(series.Reporter, series.Product);

    private static string RowKey(SeriesIndices r) =>
        TableKeys.Join(
            r.Series.Flow.Name(),
            r.Basis.Name(),
            r.Window == IndexSelection.Published ? (r.Period.IsAnnual ? "A" : "M") : r.Window.ToName(),
            (999999 - ((r.Period.Year * 100) + r.Period.Month)).ToString("D6", CultureInfo.InvariantCulture));

    private static TableEntity ToEntity(SeriesIndices r, string vintage, string runId)
    {
        var i = r.Indices;
        var label = r.Window == IndexSelection.Published
            ? $"indices row {r.Series} {r.Basis.Name()} {r.Period}"
            : $"indices row {r.Series} {r.Basis.Name()} {r.Window.ToName()} {r.Period}";
        if (string.IsNullOrWhiteSpace(r.Series.Reporter) || string.IsNullOrWhiteSpace(r.Series.Product))
        {
            throw new ArgumentException($"{label}: reporter and product are required.");
        }

        if (!Enum.IsDefined(r.Window))
        {
            throw new ArgumentException($"{label}: window {(int)r.Window} is not one of {string.Join(", ", IndexSelections.Names)}.");
        }

        foreach (var (name, value) in IndexColumns.Numbers(i)
            .Concat(StoredChange.Deltas(r.ChangeFromPrevious, "FromPrevious"))
            .Concat(StoredChange.Deltas(r.ChangeFromYearAgo, "FromYearAgo")))
        {
            if (!double.IsFinite(value))
            {
                throw new ArgumentException($"{label}: {name} is {value}, not a finite number.");
            }
        }

        var top = i.TopSuppliers.Take(StoredTopSuppliers).Select(s => new StoredShare(s.Partner, s.Amount.ToString(CultureInfo.InvariantCulture), s.Share));
        var entity = new TableEntity(Partition(r.Series), RowKey(r))
        {
            ["Reporter"] = r.Series.Reporter,
            ["Product"] = r.Series.Product,
            ["Source"] = r.Series.Source,
            ["Flow"] = r.Series.Flow.Name(),
            ["Basis"] = r.Basis.Name(),
            ["Period"] = r.Period.ToString(),
            ["CommodityName"] = r.CommodityName,
            ["TopSuppliers"] = JsonSerializer.Serialize(top, StorageJson.Options),
            ["Vintage"] = vintage,
            ["RunId"] = runId,
            ["Window"] = r.Window.ToName(),
            ["MonthsCovered"] = r.MonthsCovered,
            ["IntraEuTotal"] = r.IntraEuTotal?.ToString(CultureInfo.InvariantCulture),
            ["Supply"] = SupplySummary.From(r) is { } supply ? JsonSerializer.Serialize(supply, StorageJson.Options) : null,
        };
        IndexColumns.Write(entity, i);
        StoredChange.Write(entity, "FromPrevious", r.ChangeFromPrevious, i.TopSupplier);
        StoredChange.Write(entity, "FromYearAgo", r.ChangeFromYearAgo, i.TopSupplier);
        return entity;
    }

    private static StoredIndices FromEntity(TableEntity e)
    {
        IReadOnlyList<SupplierShare> top;
        try
        {
            top = [.. (JsonSerializer.Deserialize<List<StoredShare>>(EntityFields.String(e, "TopSuppliers"), StorageJson.Options) ?? [])
                .Select(s => new SupplierShare(s.Partner, decimal.Parse(s.Amount, NumberStyles.Number | NumberStyles.AllowExponent, CultureInfo.InvariantCulture), s.Share))];
        }
        catch (Exception ex) when (ex is JsonException or FormatException)
        {
            throw EntityFields.Bad(e, "TopSuppliers", "is not a JSON list of suppliers", ex);
        }

        var indices = IndexColumns.Read(e, top);
        // Rows written before sources were told apart have no Source column: they are Comext's.
        var series = new SeriesKey(EntityFields.String(e, "Reporter"), EntityFields.String(e, "Product"), TradeColumns.Flow(e, "Flow"))
        {
            Source = EntityFields.OptionalString(e, "Source") ?? SeriesKey.DefaultSource,
        };
        return new StoredIndices(
            new SeriesIndices(
                series,
                TradeColumns.Basis(e, "Basis"),
                TradeColumns.Period(e, "Period"),
                indices,
                EntityFields.OptionalString(e, "CommodityName"),
                StoredChange.Read(e, "FromPrevious"),
                StoredChange.Read(e, "FromYearAgo"),
                Window(e),
                e.GetInt32("MonthsCovered"))
            {
                IntraEuTotal = EntityFields.OptionalString(e, "IntraEuTotal") is null ? null : EntityFields.Decimal(e, "IntraEuTotal"),
            },
            EntityFields.String(e, "Vintage"),
            EntityFields.String(e, "RunId"),
            e.Timestamp)
        {
            Supply = Supply(e),
        };
    }

    // Rows written before CRMA shares and supply risk were stored have no Supply column.
    private static SupplySummary? Supply(TableEntity e)
    {
        if (EntityFields.OptionalString(e, "Supply") is not { } json)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<SupplySummary>(json, StorageJson.Options);
        }
        catch (JsonException ex)
        {
            throw EntityFields.Bad(e, "Supply", $"is not a JSON supply summary at {ex.Path}: {ex.Message}", ex);
        }
    }

    // Rows written before windows were stored are the published periods.
    private static IndexSelection Window(TableEntity e) =>
        EntityFields.OptionalString(e, "Window") is not { } name ? IndexSelection.Published
        : IndexSelections.TryParse(name, out var window) ? window
        : throw EntityFields.Bad(e, "Window", $"is '{name}', not one of {string.Join(", ", IndexSelections.Names)}");

    private sealed record StoredShare(string Partner, string Amount, double Share);
}

/// <summary>A row of the <c>indices</c> table.</summary>
/// <param name="WrittenAt">Server time of the last write.</param>
public sealed record StoredIndices(SeriesIndices Indices, string Vintage, string RunId, DateTimeOffset? WrittenAt)
{
    /// <summary>The row's CRMA shares and supply risk as stored (the <see cref="SeriesIndices"/> carries only their results' sources); null when none were computed.</summary>
    public SupplySummary? Supply { get; init; }
}
