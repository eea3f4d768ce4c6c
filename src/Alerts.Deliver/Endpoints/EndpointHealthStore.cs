using Alerts.Compute.Store;
using Alerts.Deliver;
using Alerts.Deliver.Email;
using Alerts.Deliver.History;
using Alerts.Deliver.Teams;
using Alerts.Evaluate.Lifecycle;
using Alerts.Platform.Secrets;
using Alerts.Platform.Storage;
using Alerts.Pull.Snapshots;
using Alerts.Pull.State;
using Alerts.Route.NotificationLog;
using Alerts.Route.Subscriptions;
using Azure;
using Azure.Data.Tables;

namespace Alerts.Deliver.Endpoints;

/// <summary>
/// The <c>endpointhealth</c> table: one row per subscription whose target has failed permanently at least once
/// since its last success (PartitionKey = subscription id, RowKey empty). No row means
/// <see cref="EndpointHealth.Healthy"/>. Kept apart from the <c>subscriptions</c> table because delivery knows a
/// notification's subscription id but not its owner (that table's partition key).
/// </summary>
public sealed class EndpointHealthStore : ISubscriptionHealth
{
    private const int MaxWriteAttempts = 5;

    private readonly TableClient table;

    public EndpointHealthStore(StorageAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        table = account.Table(StorageNames.EndpointHealthTable);
    }

    public async Task<EndpointHealth> GetAsync(string subscriptionId, CancellationToken cancellationToken) =>
        (await ReadAsync(subscriptionId, cancellationToken).ConfigureAwait(false))?.Value ?? EndpointHealth.Healthy;

    public async Task<SubscriptionPause?> GetPauseAsync(string subscriptionId, CancellationToken cancellationToken) =>
        await GetAsync(subscriptionId, cancellationToken).ConfigureAwait(false) is { PausedAt: { } at } health ? new SubscriptionPause(at, health.PauseReason) : null;

    public Task ForgetAsync(string subscriptionId, CancellationToken cancellationToken) => DeleteAsync(subscriptionId, cancellationToken);

    /// <summary>
    /// Applies <paramref name="change"/> to the stored state with optimistic concurrency (re-read and re-applied
    /// when another writer got there first) and returns the state now stored.
    /// </summary>
    public Task<EndpointHealth> UpdateAsync(string subscriptionId, Func<EndpointHealth, EndpointHealth> change, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(subscriptionId);
        ArgumentNullException.ThrowIfNull(change);
        return OptimisticUpdate.RunAsync<EndpointHealth, EndpointHealth>(
            c => ReadAsync(subscriptionId, c),
            current =>
            {
                var before = current ?? EndpointHealth.Healthy;
                var after = change(before);
                return after == before ? new(null, before) : new(after, after);
            },
            (health, etag, c) => WriteAsync(subscriptionId, health, etag, c),
            cancellationToken,
            maxAttempts: MaxWriteAttempts);
    }

    private async Task WriteAsync(string subscriptionId, EndpointHealth health, ETag? expected, CancellationToken cancellationToken)
    {
        try
        {
            if (expected is { } etag)
            {
                await table.UpdateEntityAsync(ToEntity(subscriptionId, health), etag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await table.AddEntityAsync(ToEntity(subscriptionId, health), cancellationToken).ConfigureAwait(false);
            }
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // A resume deleted the row between our read and write: a conflict like any other, start again from no row.
            throw new StorageConflictException($"The endpoint health of subscription {subscriptionId} was deleted while it was updated.", e);
        }
    }

    /// <summary>Forgets the state (resume, or the subscription was deleted); nothing happens when there is none.</summary>
    public async Task DeleteAsync(string subscriptionId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(subscriptionId);
        await table.DeleteEntityAsync(TableKeys.Escape(subscriptionId), string.Empty, ETag.All, cancellationToken).ConfigureAwait(false);
    }

    private async Task<Versioned<EndpointHealth>?> ReadAsync(string subscriptionId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(subscriptionId);
        var response = await table.GetEntityIfExistsAsync<TableEntity>(TableKeys.Escape(subscriptionId), string.Empty, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!response.HasValue)
        {
            return null;
        }

        var e = response.Value!;
        var health = new EndpointHealth(
            EntityFields.Int(e, "ConsecutivePermanentFailures"),
            EntityFields.OptionalTime(e, "PausedAt"),
            EntityFields.OptionalString(e, "PauseReason"));
        return new Versioned<EndpointHealth>(health, e.ETag);
    }

    private static TableEntity ToEntity(string subscriptionId, EndpointHealth health)
    {
        var entity = new TableEntity(TableKeys.Escape(subscriptionId), string.Empty)
        {
            ["SubscriptionId"] = subscriptionId,
            ["ConsecutivePermanentFailures"] = health.ConsecutivePermanentFailures,
        };

        // Absent columns rather than nulls: a Replace then drops them from a row that had them.
        if (health.PausedAt is { } pausedAt)
        {
            entity["PausedAt"] = pausedAt;
        }

        if (health.PauseReason is { } reason)
        {
            entity["PauseReason"] = reason;
        }

        return entity;
    }
}
