using System.Runtime.CompilerServices;
using Alerts.Evaluate.Lifecycle;
using Alerts.Platform.Storage;
using Azure;
using Azure.Data.Tables;

namespace Alerts.Route.Grouping;

/// <summary>
/// The <c>notificationgroups</c> table: one row per subscription and group with events held by the group timers or for a
/// digest (<see cref="HeldGroup"/> as JSON), PartitionKey = subscription id, RowKey = group key, plus a <c>DueAt</c> column
/// the routing run queries. Writes are conditional on the ETag read, as for the notification log.
/// </summary>
public sealed class HeldGroupStore
{
    private readonly TableClient table;

    public HeldGroupStore(StorageAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        table = account.Table(StorageNames.NotificationGroupsTable);
    }

    public async Task<Versioned<HeldGroup>?> GetAsync(string subscriptionId, string groupKey, CancellationToken cancellationToken)
    {
        var response = await table.GetEntityIfExistsAsync<TableEntity>(TableKeys.Escape(subscriptionId), TableKeys.Join(groupKey), cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue ? new Versioned<HeldGroup>(JsonColumn.Deserialize<HeldGroup>(response.Value!), response.Value!.ETag) : null;
    }

    /// <summary>Every group whose held events are due at <paramref name="now"/>.</summary>
    public async IAsyncEnumerable<Versioned<HeldGroup>> ListDueAsync(DateTimeOffset now, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var e in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"DueAt le {now}"), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            yield return new Versioned<HeldGroup>(JsonColumn.Deserialize<HeldGroup>(e), e.ETag);
        }
    }

    /// <exception cref="StorageConflictException">Another run wrote the group first.</exception>
    public async Task<ETag> SaveAsync(HeldGroup group, ETag? expected, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(group);
        var entity = new TableEntity(TableKeys.Escape(group.SubscriptionId), TableKeys.Join(group.GroupKey))
        {
            ["SubscriptionId"] = group.SubscriptionId,
            ["GroupKey"] = group.GroupKey,
            ["DueAt"] = group.DueAt,
            [JsonColumn.Name] = JsonColumn.Serialize(Fitting(group), $"Held group {group.SubscriptionId}/{group.GroupKey}"),
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
            throw new StorageConflictException($"Held group {group.SubscriptionId}/{group.GroupKey} was changed by another run.", e);
        }
    }

    // A row holds 32K characters of JSON: a long wait (a weekly digest of many alerts) keeps the top supplier of each
    // event, then only the newest events, rather than fail the routing run.
    private static HeldGroup Fitting(HeldGroup group)
    {
        if (System.Text.Json.JsonSerializer.Serialize(group, StorageJson.Options).Length <= JsonColumn.MaxChars)
        {
            return group;
        }

        var slim = group with { Events = [.. group.Events.Select(e => e with { TopSuppliers = [.. e.TopSuppliers.Take(1)] })] };
        while (slim.Events.Count > 1 && System.Text.Json.JsonSerializer.Serialize(slim, StorageJson.Options).Length > JsonColumn.MaxChars)
        {
            slim = slim with { Events = [.. slim.Events.OrderByDescending(e => e.OccurredAt).Take(slim.Events.Count * 3 / 4)] };
        }

        return slim;
    }
}
