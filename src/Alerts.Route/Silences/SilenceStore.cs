using System.Runtime.CompilerServices;
using Alerts.Platform.Storage;
using Azure;
using Azure.Data.Tables;

namespace Alerts.Route.Silences;

/// <summary>
/// The <c>silences</c> table: PartitionKey = the creating owner, RowKey = silence id, the silence as JSON, plus
/// <c>Scope</c> and <c>EndsAt</c> columns so the router reads only silences that have not ended and a caller lists
/// its own and the global ones. Expired silences stay (they show what was muted when) for the retention period
/// (<see cref="SilenceRetention"/>), then are deleted.
/// </summary>
public sealed class SilenceStore
{
    private readonly TableClient table;

    public SilenceStore(StorageAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        table = account.Table(StorageNames.SilencesTable);
    }

    public async Task CreateAsync(Silence silence, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(silence);
        await table.AddEntityAsync(ToEntity(silence), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Replaces the silence if it is still at <paramref name="etag"/>.</summary>
    /// <exception cref="StorageConflictException">It changed meanwhile.</exception>
    public async Task ReplaceAsync(Silence silence, ETag etag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(silence);
        try
        {
            await table.UpdateEntityAsync(ToEntity(silence), etag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            throw new StorageConflictException($"Silence {silence.Id} changed meanwhile.", e);
        }
    }

    /// <summary>The silence with this id, whoever created it, with its ETag; null when there is none.</summary>
    public async Task<Versioned<Silence>?> FindAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        await foreach (var e in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"RowKey eq {TableKeys.Escape(id)}"), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            return new Versioned<Silence>(JsonColumn.Deserialize<Silence>(e), e.ETag);
        }

        return null;
    }

    /// <summary>The owner's silences and every global one.</summary>
    public IAsyncEnumerable<Silence> ListVisibleAsync(string owner, CancellationToken cancellationToken) =>
        QueryAsync(TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Escape(owner)} or Scope eq {nameof(SilenceScope.Global)}"), cancellationToken);

    /// <summary>Silences that have not ended at <paramref name="now"/> (active or pending).</summary>
    public IAsyncEnumerable<Silence> ListUnexpiredAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        QueryAsync(TableClient.CreateQueryFilter($"EndsAt gt {now}"), cancellationToken);

    /// <summary>Deletes every silence that ended at or before <paramref name="cutoff"/> (unless it changed since it was read).</summary>
    /// <returns>How many were deleted.</returns>
    public async Task<int> DeleteEndedBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        var ended = new List<TableEntity>();
        await foreach (var e in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"EndsAt le {cutoff}"), select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            ended.Add(e);
        }

        var deleted = 0;
        foreach (var e in ended)
        {
            try
            {
                // Conditional on the ETag read: a silence changed meanwhile is left for the next run to judge.
                var response = await table.DeleteEntityAsync(e.PartitionKey, e.RowKey, e.ETag, cancellationToken).ConfigureAwait(false);
                deleted += response.Status == 404 ? 0 : 1;
            }
            catch (RequestFailedException failure) when (failure.Status is 404 or 412)
            {
            }
        }

        return deleted;
    }

    /// <summary>How many of the owner's silences have not ended at <paramref name="now"/>, counting up to <paramref name="stopAt"/>.</summary>
    public async Task<int> CountUnexpiredAsync(string owner, DateTimeOffset now, int stopAt, CancellationToken cancellationToken)
    {
        var count = 0;
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Escape(owner)} and EndsAt gt {now}");
        await foreach (var _ in table.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (++count >= stopAt)
            {
                break;
            }
        }

        return count;
    }

    private static TableEntity ToEntity(Silence s) => new(TableKeys.Escape(s.Owner ?? "-"), TableKeys.Escape(s.Id))
    {
        ["Scope"] = s.Scope.ToString(),
        ["EndsAt"] = s.EndsAt,
        [JsonColumn.Name] = JsonColumn.Serialize(s, $"Silence {s.Id}"),
    };

    private async IAsyncEnumerable<Silence> QueryAsync(string filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var e in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            yield return JsonColumn.Deserialize<Silence>(e);
        }
    }
}
