using Alerts.Platform.Storage;
using Alerts.Route.Subscriptions;
using Alerts.TestKit.Storage;
using Azure.Data.Tables;

namespace Alerts.Route.Tests.Subscriptions;

/// <summary>
/// <see cref="SubscriptionStore{T}.FindAsync"/> by id alone through the index rows: found with point reads, rows from
/// before the index still found (and indexed then), index rows never read as subscriptions, and gone with a delete.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class SubscriptionIdIndexTests(AzuriteFixture azurite)
{
    private sealed record TestSubscription(string Id, string Owner, string Target);

    [Fact]
    public async Task FindAsync_Created_FoundThroughItsIndexRowNamingTheOwner()
    {
        var account = await azurite.CreateAccountAsync();
        var store = new SubscriptionStore<TestSubscription>(account);
        await store.CreateAsync("aad|alice", "s-1", new("s-1", "aad|alice", "a@example.org"), CancellationToken.None);

        var found = await store.FindAsync("s-1", CancellationToken.None);

        Assert.Equal("aad|alice", found?.Owner);
        var index = await Table(account).GetEntityIfExistsAsync<TableEntity>(TableKeys.Join("id", "s-1"), "owner");
        Assert.Equal("aad|alice", index.Value?.GetString("Owner"));
    }

    [Fact]
    public async Task FindAsync_RowStoredBeforeTheIndex_FoundAndIndexedThen()
    {
        var account = await azurite.CreateAccountAsync();
        var table = Table(account);

        // a row as the store wrote it before index rows existed: no index row beside it
        await table.AddEntityAsync(new TableEntity(TableKeys.Escape("aad|bob"), "s-old")
        {
            ["Owner"] = "aad|bob",
            ["Id"] = "s-old",
            [JsonColumn.Name] = JsonColumn.Serialize(new TestSubscription("s-old", "aad|bob", "b@example.org"), "test"),
        });
        var store = new SubscriptionStore<TestSubscription>(account);

        Assert.Equal("b@example.org", (await store.FindAsync("s-old", CancellationToken.None))?.Target);
        Assert.True((await table.GetEntityIfExistsAsync<TableEntity>(TableKeys.Join("id", "s-old"), "owner")).HasValue);
        Assert.Equal("b@example.org", (await store.FindAsync("s-old", CancellationToken.None))?.Target);
    }

    [Fact]
    public async Task ListAllAsync_WithIndexRows_ListsOnlySubscriptions()
    {
        var store = new SubscriptionStore<TestSubscription>(await azurite.CreateAccountAsync());
        await store.CreateAsync("aad|alice", "s-1", new("s-1", "aad|alice", "a@example.org"), CancellationToken.None);
        await store.CreateAsync("aad|bob", "s-2", new("s-2", "aad|bob", "b@example.org"), CancellationToken.None);

        var all = await store.ListAllAsync(CancellationToken.None).ToListAsync();

        Assert.Equal(["s-1", "s-2"], all.Select(s => s.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task FindAsync_AfterDelete_NothingAndNoIndexRowLeft()
    {
        var account = await azurite.CreateAccountAsync();
        var store = new SubscriptionStore<TestSubscription>(account);
        await store.CreateAsync("aad|alice", "s-1", new("s-1", "aad|alice", "a@example.org"), CancellationToken.None);

        Assert.True(await store.DeleteAsync("aad|alice", "s-1", CancellationToken.None));

        Assert.Null(await store.FindAsync("s-1", CancellationToken.None));
        Assert.False((await Table(account).GetEntityIfExistsAsync<TableEntity>(TableKeys.Join("id", "s-1"), "owner")).HasValue);
    }

    private static TableClient Table(StorageAccount account) => account.Table(StorageNames.SubscriptionsTable);
}
