using Alerts.Compute.Store;
using Alerts.Evaluate.Lifecycle;
using Alerts.Platform.Storage;
using Alerts.Pull.Snapshots;
using Alerts.Pull.State;
using Alerts.Route.Subscriptions;
using Azure;
using Azure.Data.Tables;

namespace Alerts.Route.NotificationLog;

/// <summary>
/// The <c>notificationlog</c> table: what was last notified per subscription and group, as JSON (the entry
/// type belongs to routing). PartitionKey = subscription id, RowKey = group key (hashed when long). Writes
/// are conditional on the ETag read, so two overlapping router runs cannot both record "first".
/// </summary>
public sealed class NotificationLogStore
{
    private readonly TableClient table;

    public NotificationLogStore(StorageAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        table = account.Table(StorageNames.NotificationLogTable);
    }

    public async Task<Versioned<T>?> GetAsync<T>(string subscriptionId, string groupKey, CancellationToken cancellationToken)
    {
        var response = await table.GetEntityIfExistsAsync<TableEntity>(TableKeys.Escape(subscriptionId), TableKeys.Join(groupKey), cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue ? new Versioned<T>(JsonColumn.Deserialize<T>(response.Value!), response.Value!.ETag) : null;
    }

    /// <summary>Writes the entry if the stored one still has <paramref name="expected"/> (null = must not exist yet).</summary>
    /// <exception cref="StorageConflictException">Another run wrote the entry first.</exception>
    public async Task<ETag> SaveAsync<T>(string subscriptionId, string groupKey, T entry, ETag? expected, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(subscriptionId);
        ArgumentException.ThrowIfNullOrWhiteSpace(groupKey);
        var entity = new TableEntity(TableKeys.Escape(subscriptionId), TableKeys.Join(groupKey))
        {
            ["SubscriptionId"] = subscriptionId,
            ["GroupKey"] = groupKey,
            [JsonColumn.Name] = JsonColumn.Serialize(entry, $"Notification log entry {subscriptionId}/{groupKey}"),
        };
        try
        {
            var response = expected is { } etag
                ? await table.UpdateEntityAsync(entity, etag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false)
                : await table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
            return response.Headers.ETag ?? default;
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            throw new StorageConflictException($"Notification log entry for subscription {subscriptionId}, group {groupKey} was changed by another run.", e);
        }
    }

    /// <summary>Removes every entry of a subscription (when it is deleted).</summary>
    public async Task<int> DeleteSubscriptionAsync(string subscriptionId, CancellationToken cancellationToken)
    {
        var pk = TableKeys.Escape(subscriptionId);
        var keys = new List<string>();
        await foreach (var e in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {pk}"), select: ["RowKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            keys.Add(e.RowKey);
        }

        foreach (var chunk in keys.Chunk(100))
        {
            await table.SubmitTransactionAsync(chunk.Select(rk => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(pk, rk), ETag.All)), cancellationToken).ConfigureAwait(false);
        }

        return keys.Count;
    }
}
