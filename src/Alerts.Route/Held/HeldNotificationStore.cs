using System.Runtime.CompilerServices;
using Alerts.Platform.Storage;
using Azure;
using Azure.Data.Tables;

namespace Alerts.Route.Held;

/// <summary>
/// The <c>heldnotifications</c> table: one row per subscription (PartitionKey) and held alert (RowKey = fingerprint),
/// the <see cref="HeldAlert"/> as JSON. Writes are conditional on the ETag read, so a release never deletes an event a
/// concurrent routing run has just held.
/// </summary>
public sealed class HeldNotificationStore
{
    private readonly TableClient table;

    public HeldNotificationStore(StorageAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        table = account.Table(StorageNames.HeldNotificationsTable);
    }

    public async Task<Versioned<HeldAlert>?> GetAsync(string subscriptionId, string fingerprint, CancellationToken cancellationToken)
    {
        var response = await table.GetEntityIfExistsAsync<TableEntity>(TableKeys.Escape(subscriptionId), TableKeys.Join(fingerprint), cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue ? new Versioned<HeldAlert>(JsonColumn.Deserialize<HeldAlert>(response.Value!), response.Value!.ETag) : null;
    }

    /// <summary>Every held alert of every subscription (normally few: only what silences and mute windows hold right now).</summary>
    public async IAsyncEnumerable<Versioned<HeldAlert>> ListAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var e in table.QueryAsync<TableEntity>(cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            yield return new Versioned<HeldAlert>(JsonColumn.Deserialize<HeldAlert>(e), e.ETag);
        }
    }

    /// <summary>The fingerprints of the alerts held for one subscription.</summary>
    public async Task<IReadOnlySet<string>> FingerprintsAsync(string subscriptionId, CancellationToken cancellationToken)
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Escape(subscriptionId)}");
        await foreach (var e in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            result.Add(JsonColumn.Deserialize<HeldAlert>(e).Event.Fingerprint);
        }

        return result;
    }

    /// <summary>Writes the held alert if the stored one still has <paramref name="expected"/> (null = must not exist yet).</summary>
    /// <exception cref="StorageConflictException">Another run wrote it first.</exception>
    public async Task SaveAsync(HeldAlert held, ETag? expected, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(held);
        var entity = new TableEntity(TableKeys.Escape(held.SubscriptionId), TableKeys.Join(held.Event.Fingerprint))
        {
            [JsonColumn.Name] = JsonColumn.Serialize(held, $"Held alert {held.SubscriptionId}/{held.Event.Fingerprint}"),
        };
        try
        {
            _ = expected is { } etag
                ? await table.UpdateEntityAsync(entity, etag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false)
                : await table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status is 404 or 409 or 412)
        {
            throw new StorageConflictException($"Held alert {held.Event.Fingerprint} of subscription {held.SubscriptionId} was changed by another run.", e);
        }
    }

    /// <summary>Deletes the held alert if it is still at <paramref name="etag"/>; false when it changed (or is gone) meanwhile.</summary>
    public async Task<bool> DeleteAsync(HeldAlert held, ETag etag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(held);
        try
        {
            var response = await table.DeleteEntityAsync(TableKeys.Escape(held.SubscriptionId), TableKeys.Join(held.Event.Fingerprint), etag, cancellationToken).ConfigureAwait(false);
            return response.Status != 404;
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            return false;
        }
    }
}
