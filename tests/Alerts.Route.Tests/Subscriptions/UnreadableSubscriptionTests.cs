using Alerts.Platform.Storage;
using Alerts.Route.Subscriptions;
using Alerts.TestKit.Storage;
using Azure.Data.Tables;

namespace Alerts.Route.Tests.Subscriptions;

/// <summary>One damaged subscription row must not stop routing for everyone: the router's listing skips and reports it.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class UnreadableSubscriptionTests(AzuriteFixture azurite)
{
    private sealed record TestSubscription(string Id, string Owner, string Channel);

    [Fact]
    public async Task ListAllReadableAsync_DamagedRowsBetweenGoodOnes_SkipsAndReportsEachAndReturnsTheRest()
    {
        var account = await azurite.CreateAccountAsync();
        var store = new SubscriptionStore<TestSubscription>(account);
        // Row keys sort a-1 < b-bad < c-2 < d-missing < e-3: the damaged rows sit between good ones.
        await store.CreateAsync("alice", "a-1", new("a-1", "alice", "email"), CancellationToken.None);
        await store.CreateAsync("alice", "c-2", new("c-2", "alice", "teams"), CancellationToken.None);
        await store.CreateAsync("alice", "e-3", new("e-3", "alice", "email"), CancellationToken.None);
        var table = account.Table(StorageNames.SubscriptionsTable);
        await table.AddEntityAsync(new TableEntity("alice", "b-bad") { [JsonColumn.Name] = "{\"id\": 5, \"owner\":" }, CancellationToken.None);
        await table.AddEntityAsync(new TableEntity("alice", "d-missing") { ["Other"] = "x" }, CancellationToken.None);
        var reported = new List<InvalidDataException>();

        var read = await store.ListAllReadableAsync(reported.Add, CancellationToken.None).ToListAsync();

        Assert.Equal(["a-1", "c-2", "e-3"], read.Select(s => s.Id));
        Assert.Equal(2, reported.Count);
        Assert.Contains("RowKey 'b-bad'", reported[0].Message, StringComparison.Ordinal);
        Assert.Contains("RowKey 'd-missing'", reported[1].Message, StringComparison.Ordinal);
        Assert.Contains("column 'Json' is missing", reported[1].Message, StringComparison.Ordinal);
        // What routing used before: the first damaged row ends the whole listing.
        await Assert.ThrowsAsync<InvalidDataException>(() => store.ListAllAsync(CancellationToken.None).ToListAsync().AsTask());
    }
}
