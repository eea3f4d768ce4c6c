using System.Runtime.CompilerServices;
using Alerts.Pull.State;
using Alerts.Platform.Storage;
using Alerts.Pull.Snapshots;
using Alerts.Pull.Statistics;
using Azure.Data.Tables;

namespace Alerts.Pull.State;

/// <summary>
/// The <c>pullstate</c> table: per source and series, how far the data goes (watermark), the vintage last
/// seen and the hash of the stored snapshot, so a run recomputes only series whose data changed.
/// PartitionKey = source, RowKey = reporter|product|flow.
/// </summary>
public sealed class PullStateStore
{
    private readonly TableClient table;

    public PullStateStore(StorageAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        table = account.Table(StorageNames.PullStateTable);
    }

    public async Task<PullState?> GetAsync(string source, SeriesKey series, CancellationToken cancellationToken)
    {
        var response = await table.GetEntityIfExistsAsync<TableEntity>(TableKeys.Escape(source), RowKey(series), cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue ? FromEntity(response.Value!) : null;
    }

    /// <summary>Upserts the states, one transaction per 100 rows of a source.</summary>
    public async Task UpsertAsync(IEnumerable<PullState> states, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(states);
        var entities = states.Select(ToEntity).ToList();
        foreach (var partition in entities.GroupBy(e => e.PartitionKey, StringComparer.Ordinal))
        {
            foreach (var chunk in partition.DistinctBy(e => e.RowKey, StringComparer.Ordinal).Chunk(100))
            {
                await table.SubmitTransactionAsync(chunk.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public async IAsyncEnumerable<PullState> ListAsync(string source, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Escape(source)}");
        await foreach (var e in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            yield return FromEntity(e);
        }
    }

    private static string RowKey(SeriesKey s) => TableKeys.Join(s.Reporter, s.Product, s.Flow.Name());

    private static TableEntity ToEntity(PullState s)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(s.Source);
        return new TableEntity(TableKeys.Escape(s.Source), RowKey(s.Series))
        {
            ["Source"] = s.Source,
            ["Reporter"] = s.Series.Reporter,
            ["Product"] = s.Series.Product,
            ["Flow"] = s.Series.Flow.Name(),
            ["Watermark"] = s.Watermark?.ToString(),
            ["Vintage"] = s.Vintage,
            ["SnapshotHash"] = s.SnapshotHash,
            ["UpdatedAt"] = s.UpdatedAt,
            ["ComputedWith"] = s.ComputedWith,
        };
    }

    private static PullState FromEntity(TableEntity e) => new(
        EntityFields.String(e, "Source"),
        new SeriesKey(EntityFields.String(e, "Reporter"), EntityFields.String(e, "Product"), TradeColumns.Flow(e, "Flow")),
        e.GetString("Watermark") is null ? null : TradeColumns.Period(e, "Watermark"),
        EntityFields.OptionalString(e, "Vintage"),
        EntityFields.OptionalString(e, "SnapshotHash"),
        EntityFields.OptionalTime(e, "UpdatedAt") ?? throw EntityFields.Bad(e, "UpdatedAt", "is missing"),
        EntityFields.OptionalString(e, "ComputedWith"));
}

/// <summary>Pull progress of one series from one source.</summary>
/// <param name="Watermark">The latest period with data.</param>
/// <param name="Vintage">The source's data vintage last pulled (Comext <c>updated</c>).</param>
/// <param name="SnapshotHash">Content hash of the stored snapshot (<see cref="SnapshotStore"/>).</param>
/// <param name="ComputedWith">The <see cref="Pull.ComputationFingerprint"/> the series was last computed with; null in states written before it was kept.</param>
public sealed record PullState(string Source, SeriesKey Series, Period? Watermark, string? Vintage, string? SnapshotHash, DateTimeOffset UpdatedAt, string? ComputedWith = null);
