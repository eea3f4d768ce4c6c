using System.Runtime.CompilerServices;
using Alerts.Compute.Store;
using Alerts.Evaluate.Lifecycle;
using Alerts.Platform.Storage;
using Alerts.Pull.Snapshots;
using Alerts.Pull.State;
using Alerts.Route.NotificationLog;
using Azure;
using Azure.Data.Tables;

namespace Alerts.Route.Subscriptions;

/// <summary>
/// The <c>subscriptions</c> table. PartitionKey = owner, RowKey = subscription id, the subscription itself
/// as JSON in one column (so its fields can grow without a table change). Every read takes the owner, so a
/// caller only ever sees its own subscriptions; <see cref="ListAllAsync"/> is for the router. Beside each one an
/// index row (<see cref="SubscriptionIdIndex"/>) names its owner, so <see cref="FindAsync"/> is two point reads.
/// </summary>
/// <typeparam name="T">The subscription type (Route/Subscriptions).</typeparam>
public sealed class SubscriptionStore<T>
{
    private readonly TableClient table;
    private readonly SubscriptionIdIndex index;

    public SubscriptionStore(StorageAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        table = account.Table(StorageNames.SubscriptionsTable);
        index = new SubscriptionIdIndex(table);
    }

    /// <exception cref="StorageConflictException">The owner already has a subscription with this id.</exception>
    public async Task CreateAsync(string owner, string id, T subscription, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(subscription);
        var entity = new TableEntity(TableKeys.Escape(owner), TableKeys.Escape(id))
        {
            ["Owner"] = owner,
            ["Id"] = id,
            [JsonColumn.Name] = JsonColumn.Serialize(subscription, $"Subscription {id}"),
        };
        try
        {
            await table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            throw new StorageConflictException($"Subscription {id} already exists.", e);
        }

        // After the row: a crash between the two leaves a subscription FindAsync still finds (by the scan, which writes the index).
        await index.SaveAsync(id, owner, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The owner's subscription, or null when there is none with this id for this owner.</summary>
    public async Task<T?> GetAsync(string owner, string id, CancellationToken cancellationToken)
    {
        var response = await table.GetEntityIfExistsAsync<TableEntity>(TableKeys.Escape(owner), TableKeys.Escape(id), cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue ? JsonColumn.Deserialize<T>(response.Value!) : default;
    }

    /// <summary>
    /// The subscription with this id, whoever owns it, or null: for signed links (whose holder is no API caller) and
    /// for delivery, which know the id only. The index row names the owner, then the row is read by its keys; only a
    /// subscription stored before the index existed is looked for across owners once, and its index row written then.
    /// </summary>
    public async Task<T?> FindAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        if (await index.OwnerOfAsync(id, cancellationToken).ConfigureAwait(false) is { } owner)
        {
            // A dangling index row (a delete that stopped half way) finds nothing, as the subscription is gone.
            return await GetAsync(owner, id, cancellationToken).ConfigureAwait(false);
        }

        var filter = TableClient.CreateQueryFilter($"RowKey eq {TableKeys.Escape(id)}");
        await foreach (var e in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (!SubscriptionIdIndex.IsIndexRow(e))
            {
                await index.SaveAsync(id, EntityFields.String(e, "Owner"), cancellationToken).ConfigureAwait(false);
                return JsonColumn.Deserialize<T>(e);
            }
        }

        return default;
    }

    /// <summary>
    /// Replaces the owner's subscription, only if it is still at <paramref name="ifMatch"/> when one is given; returns the new ETag.
    /// </summary>
    /// <exception cref="StorageConflictException">It changed since <paramref name="ifMatch"/>, or no longer exists.</exception>
    public async Task<string> ReplaceAsync(string owner, string id, T subscription, CancellationToken cancellationToken, string? ifMatch = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(subscription);
        var entity = new TableEntity(TableKeys.Escape(owner), TableKeys.Escape(id))
        {
            ["Owner"] = owner,
            ["Id"] = id,
            [JsonColumn.Name] = JsonColumn.Serialize(subscription, $"Subscription {id}"),
        };
        try
        {
            var response = await table.UpdateEntityAsync(entity, ifMatch is null ? ETag.All : new ETag(ifMatch), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            return response.Headers.ETag?.ToString() ?? string.Empty;
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            throw new StorageConflictException($"Subscription {id} changed or was deleted meanwhile.", e);
        }
    }

    /// <summary>The owner's subscription with its ETag (for <c>If-Match</c>), or null.</summary>
    public async Task<Versioned<T>?> GetVersionedAsync(string owner, string id, CancellationToken cancellationToken)
    {
        var response = await table.GetEntityIfExistsAsync<TableEntity>(TableKeys.Escape(owner), TableKeys.Escape(id), cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue ? new Versioned<T>(JsonColumn.Deserialize<T>(response.Value!), response.Value!.ETag) : null;
    }

    /// <summary>Deletes the owner's subscription; false when there was none.</summary>
    public async Task<bool> DeleteAsync(string owner, string id, CancellationToken cancellationToken)
    {
        // The SDK reports a missing entity as a 404 response rather than an exception.
        var response = await table.DeleteEntityAsync(TableKeys.Escape(owner), TableKeys.Escape(id), ETag.All, cancellationToken).ConfigureAwait(false);
        if (response.Status == 404)
        {
            return false;
        }

        await index.DeleteAsync(id, cancellationToken).ConfigureAwait(false);
        return true;
    }

    public IAsyncEnumerable<T> ListByOwnerAsync(string owner, CancellationToken cancellationToken) =>
        QueryAsync(TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Escape(owner)}"), cancellationToken);

    /// <summary>Every subscription of every owner: for matching breaches, never for an API caller.</summary>
    public IAsyncEnumerable<T> ListAllAsync(CancellationToken cancellationToken) => QueryAsync(null, cancellationToken);

    /// <summary>
    /// Every subscription of every owner that can be read; a row that cannot (malformed JSON, a missing column) is
    /// passed to <paramref name="unreadable"/> and skipped, so one damaged row does not stop routing for everyone.
    /// </summary>
    public async IAsyncEnumerable<T> ListAllReadableAsync(Action<InvalidDataException> unreadable, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(unreadable);
        await foreach (var e in table.QueryAsync<TableEntity>(filter: (string?)null, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (SubscriptionIdIndex.IsIndexRow(e))
            {
                continue; // the id index (owner by id), not a subscription
            }

            T value;
            try
            {
                value = JsonColumn.Deserialize<T>(e);
            }
            catch (InvalidDataException ex)
            {
                unreadable(ex);
                continue;
            }

            yield return value;
        }
    }

    private async IAsyncEnumerable<T> QueryAsync(string? filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var e in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (!SubscriptionIdIndex.IsIndexRow(e))
            {
                yield return JsonColumn.Deserialize<T>(e);
            }
        }
    }
}
