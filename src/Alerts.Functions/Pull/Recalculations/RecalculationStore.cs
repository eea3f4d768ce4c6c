using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Alerts.Platform.Storage;
using Azure;
using Azure.Data.Tables;

namespace Alerts.Functions.Pull.Recalculations;

/// <summary>
/// Requested recalculations in table <c>recalculations</c> (partition <c>run</c>: one row per run; partition
/// <c>idem</c>: caller + Idempotency-Key to run id; partition <c>req</c>: one row per accepted request, new or
/// joined, which the per-caller rate limit counts) and their reports as blobs in container <c>recalculations</c>
/// (a report can exceed a table property's 64 KiB).
/// </summary>
public sealed class RecalculationStore(StorageAccount account)
{
    public const string TableName = "recalculations";
    private const string Runs = "run";
    private const string Keys = "idem";
    private const string Requests = "req";
    private readonly TableClient _table = account.Table(TableName);
    private int _created;

    public async Task<TableEntity?> GetAsync(string id, CancellationToken cancellationToken)
    {
        await EnsureAsync(cancellationToken).ConfigureAwait(false);
        var found = await _table.GetEntityIfExistsAsync<TableEntity>(Runs, id, cancellationToken: cancellationToken).ConfigureAwait(false);
        return found.HasValue ? found.Value : null;
    }

    /// <summary>One run as <c>GET /api/recalculations/{id}</c> and the admin page show it (with its report once it succeeded), or null.</summary>
    public async Task<RecalculationRun?> ReadRunAsync(string id, CancellationToken cancellationToken)
    {
        if (await GetAsync(id, cancellationToken).ConfigureAwait(false) is not { } e)
        {
            return null;
        }

        var scope = Scope.From(e);
        var status = RecalculationQueue.StatusOf(e);
        return new RecalculationRun(id, status, scope.Products, scope.Commodities, e.GetBoolean("Force") ?? false,
            e.GetDateTimeOffset("RequestedAt") ?? default, e.GetDateTimeOffset("StartedAt"), e.GetDateTimeOffset("FinishedAt"), e.GetString("Error"),
            status == RecalculationStatus.Succeeded ? await ReadReportAsync(id, cancellationToken).ConfigureAwait(false) : null);
    }

    public Task<List<TableEntity>> QueuedAsync(CancellationToken cancellationToken) =>
        WithStatusAsync(TableClient.CreateQueryFilter($"PartitionKey eq {Runs} and Status eq {nameof(RecalculationStatus.Queued)}"), cancellationToken);

    /// <summary>Runs queued or running, oldest request first: what a drain looks at (one query).</summary>
    public Task<List<TableEntity>> UnfinishedAsync(CancellationToken cancellationToken) =>
        WithStatusAsync(TableClient.CreateQueryFilter(
            $"PartitionKey eq {Runs} and (Status eq {nameof(RecalculationStatus.Queued)} or Status eq {nameof(RecalculationStatus.Running)})"), cancellationToken);

    /// <summary>Counts one accepted request of <paramref name="owner"/> (a new run or one joined) for the rate limit.</summary>
    public async Task AddRequestAsync(string owner, string runId, DateTimeOffset requestedAt, CancellationToken cancellationToken)
    {
        await EnsureAsync(cancellationToken).ConfigureAwait(false);
        await _table.AddEntityAsync(
            new TableEntity(Requests, Guid.NewGuid().ToString("N")) { ["Owner"] = owner, ["RunId"] = runId, ["RequestedAt"] = requestedAt },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>When the caller's requests accepted since <paramref name="since"/> (new runs and joins) were made.</summary>
    public async Task<List<DateTimeOffset>> RequestedSinceAsync(string owner, DateTimeOffset since, CancellationToken cancellationToken)
    {
        await EnsureAsync(cancellationToken).ConfigureAwait(false);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Requests} and Owner eq {owner} and RequestedAt ge {since}");
        var times = new List<DateTimeOffset>();
        await foreach (var e in _table.QueryAsync<TableEntity>(filter, select: ["RequestedAt"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            times.Add(e.GetDateTimeOffset("RequestedAt")!.Value);
        }

        return times;
    }

    public async Task AddAsync(string id, string owner, Scope scope, bool force, DateTimeOffset requestedAt, CancellationToken cancellationToken)
    {
        await EnsureAsync(cancellationToken).ConfigureAwait(false);
        var entity = new TableEntity(Runs, id)
        {
            ["Status"] = nameof(RecalculationStatus.Queued),
            ["Owner"] = owner,
            ["Force"] = force,
            ["RequestedAt"] = requestedAt,
        };
        scope.WriteTo(entity);
        await _table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
    }

    private async Task<List<TableEntity>> WithStatusAsync(string filter, CancellationToken cancellationToken)
    {
        await EnsureAsync(cancellationToken).ConfigureAwait(false);
        var runs = new List<TableEntity>();
        await foreach (var e in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            runs.Add(e);
        }

        return [.. runs.OrderBy(e => e.GetDateTimeOffset("RequestedAt"))];
    }

    /// <summary>Writes <paramref name="entity"/> if nobody changed it since it was read; false otherwise.</summary>
    public async Task<bool> TryUpdateAsync(TableEntity entity, CancellationToken cancellationToken)
    {
        try
        {
            await _table.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            return false;
        }
    }

    /// <summary>The run an Idempotency-Key of <paramref name="owner"/> names, or null.</summary>
    public async Task<string?> RunForKeyAsync(string owner, string key, CancellationToken cancellationToken)
    {
        await EnsureAsync(cancellationToken).ConfigureAwait(false);
        var found = await _table.GetEntityIfExistsAsync<TableEntity>(Keys, KeyRow(owner, key), cancellationToken: cancellationToken).ConfigureAwait(false);
        return found.HasValue ? found.Value!.GetString("RunId") : null;
    }

    /// <summary>Records that the key names <paramref name="runId"/>; if another request recorded it first, returns that run.</summary>
    public async Task<string> BindKeyAsync(string owner, string key, string runId, CancellationToken cancellationToken)
    {
        try
        {
            await _table.AddEntityAsync(new TableEntity(Keys, KeyRow(owner, key)) { ["RunId"] = runId }, cancellationToken).ConfigureAwait(false);
            return runId;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return await RunForKeyAsync(owner, key, cancellationToken).ConfigureAwait(false) ?? runId;
        }
    }

    public async Task WriteReportAsync(string id, string json, CancellationToken cancellationToken)
    {
        var container = account.Container(PullLease.ContainerName);
        await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        await container.GetBlobClient($"reports/{id}.json").UploadAsync(BinaryData.FromString(json), overwrite: true, cancellationToken).ConfigureAwait(false);
    }

    public async Task<JsonElement?> ReadReportAsync(string id, CancellationToken cancellationToken)
    {
        var blob = account.Container(PullLease.ContainerName).GetBlobClient($"reports/{id}.json");
        try
        {
            var content = await blob.DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            using var document = JsonDocument.Parse(content.Value.Content);
            return document.RootElement.Clone();
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    // The key is the caller's own string: hashed, so any characters fit a row key and nothing of it is stored.
    private static string KeyRow(string owner, string key) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(owner + "\n" + key)));

    private async Task EnsureAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _created) == 0)
        {
            await _table.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
            Volatile.Write(ref _created, 1);
        }
    }
}
