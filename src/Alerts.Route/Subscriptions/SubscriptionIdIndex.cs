using Alerts.Platform.Storage;
using Azure;
using Azure.Data.Tables;

namespace Alerts.Route.Subscriptions;

/// <summary>
/// Index rows of the <c>subscriptions</c> table, one per subscription: PartitionKey <c>id|{subscription id}</c>,
/// RowKey <c>owner</c>, column <c>Owner</c>. Owners are escaped partition keys, which never hold the '|' that
/// <see cref="TableKeys.Join"/> puts here, so an index partition never meets an owner's. It turns a look-up by id
/// alone (signed links, delivery) into point reads instead of a scan of every owner's partition.
/// </summary>
internal sealed class SubscriptionIdIndex(TableClient table)
{
    private const string Prefix = "id";
    private const string RowKey = "owner";

    /// <summary>True for an index row (the table's readers of subscriptions skip them).</summary>
    public static bool IsIndexRow(TableEntity entity) =>
        entity.PartitionKey.StartsWith(Prefix + "|", StringComparison.Ordinal) && entity.RowKey == RowKey;

    public async Task<string?> OwnerOfAsync(string id, CancellationToken cancellationToken)
    {
        var response = await table.GetEntityIfExistsAsync<TableEntity>(Partition(id), RowKey, ["Owner"], cancellationToken).ConfigureAwait(false);
        return response.HasValue ? EntityFields.OptionalString(response.Value!, "Owner") : null;
    }

    public Task SaveAsync(string id, string owner, CancellationToken cancellationToken) =>
        table.UpsertEntityAsync(new TableEntity(Partition(id), RowKey) { ["Owner"] = owner, ["Id"] = id }, TableUpdateMode.Replace, cancellationToken);

    public Task DeleteAsync(string id, CancellationToken cancellationToken) =>
        table.DeleteEntityAsync(Partition(id), RowKey, ETag.All, cancellationToken);

    private static string Partition(string id) => TableKeys.Join(Prefix, id);
}
