using System.Text.Json;
using Alerts.Compute.Store;
using Alerts.Deliver.Endpoints;
using Alerts.Deliver.History;
using Alerts.Evaluate.Lifecycle;
using Alerts.Platform.Storage;
using Alerts.Pull.Snapshots;
using Alerts.Pull.State;
using Alerts.Route.NotificationLog;
using Alerts.Route.Notifications;
using Alerts.Route.Routing;
using Alerts.Route.Silences;
using Alerts.Route.Subscriptions;
using Alerts.Route.Tests.NotificationLog;
using Alerts.TestKit.Storage;

namespace Alerts.Route.Tests.Subscriptions;

[Collection(AzuriteCollection.Name)]
public sealed class SubscriptionStoreTests(AzuriteFixture azurite)
{
    private sealed record TestSubscription(string Id, string Owner, string Channel, string Target, IReadOnlyList<string> Commodities);

    private static TestSubscription Sub(string owner, string id) => new(id, owner, "email", "team@example.org", ["rare-earth-magnets"]);

    [Fact]
    public async Task CreateAsync_ThenGet_RoundTripsTheSubscription()
    {
        var store = new SubscriptionStore<TestSubscription>(await azurite.CreateAccountAsync());
        var sub = Sub("owner/one#1", "s-1");

        await store.CreateAsync(sub.Owner, sub.Id, sub, CancellationToken.None);
        var stored = await store.GetAsync(sub.Owner, sub.Id, CancellationToken.None);

        Assert.NotNull(stored);
        Assert.Equal(sub with { Commodities = stored.Commodities }, stored);
        Assert.Equal(sub.Commodities, stored.Commodities);
    }

    [Fact]
    public async Task CreateAsync_RoutingSubscription_RoundTripsFilterGroupingAndInterval()
    {
        var store = new SubscriptionStore<Subscription>(await azurite.CreateAccountAsync());
        var sub = new Subscription(
            "s-42", "oid:1234", Channels.Teams, "https://example.org/workflows/abc",
            new SubscriptionFilter(["rare-earth-magnets"], ["EU27_2020"], ["crma-single-country"], Severity.Warning, [AlertState.Firing]),
            GroupBy.Commodity, TimeSpan.FromHours(6), new DateTimeOffset(2026, 12, 1, 6, 0, 0, TimeSpan.Zero), "Magnets desk");

        await store.CreateAsync(sub, CancellationToken.None);
        var stored = await store.GetAsync("oid:1234", "s-42", CancellationToken.None);

        Assert.NotNull(stored);
        Assert.Equal(sub with { Filter = stored.Filter }, stored);
        Assert.Equal(sub.Filter.Commodities, stored.Filter.Commodities);
        Assert.Equal(sub.Filter.Reporters, stored.Filter.Reporters);
        Assert.Equal(sub.Filter.RuleIds, stored.Filter.RuleIds);
        Assert.Equal(sub.Filter.MinSeverity, stored.Filter.MinSeverity);
        Assert.Equal(sub.Filter.States, stored.Filter.States);
    }

    [Fact]
    public async Task GetAsync_OtherOwner_SeesNothing()
    {
        var store = new SubscriptionStore<TestSubscription>(await azurite.CreateAccountAsync());
        await store.CreateAsync("alice", "s-1", Sub("alice", "s-1"), CancellationToken.None);

        Assert.Null(await store.GetAsync("bob", "s-1", CancellationToken.None));
        Assert.False(await store.DeleteAsync("bob", "s-1", CancellationToken.None));
        Assert.NotNull(await store.GetAsync("alice", "s-1", CancellationToken.None));
    }

    [Fact]
    public async Task ListByOwnerAsync_SeveralOwners_ListsOnlyTheOwnersOwn()
    {
        var store = new SubscriptionStore<TestSubscription>(await azurite.CreateAccountAsync());
        await store.CreateAsync("alice", "a-1", Sub("alice", "a-1"), CancellationToken.None);
        await store.CreateAsync("alice", "a-2", Sub("alice", "a-2"), CancellationToken.None);
        await store.CreateAsync("bob", "b-1", Sub("bob", "b-1"), CancellationToken.None);

        var alice = await store.ListByOwnerAsync("alice", CancellationToken.None).ToListAsync();
        var all = await store.ListAllAsync(CancellationToken.None).ToListAsync();

        Assert.Equal(["a-1", "a-2"], alice.Select(s => s.Id));
        Assert.Equal(3, all.Count);
    }

    [Fact]
    public async Task CreateAsync_SameIdTwice_ThrowsConflictAndKeepsTheFirst()
    {
        var store = new SubscriptionStore<TestSubscription>(await azurite.CreateAccountAsync());
        await store.CreateAsync("alice", "s-1", Sub("alice", "s-1"), CancellationToken.None);

        await Assert.ThrowsAsync<StorageConflictException>(() =>
            store.CreateAsync("alice", "s-1", Sub("alice", "s-1") with { Target = "other@example.org" }, CancellationToken.None));

        Assert.Equal("team@example.org", (await store.GetAsync("alice", "s-1", CancellationToken.None))!.Target);
    }

    [Fact]
    public async Task DeleteAsync_Existing_RemovesIt()
    {
        var store = new SubscriptionStore<TestSubscription>(await azurite.CreateAccountAsync());
        await store.CreateAsync("alice", "s-1", Sub("alice", "s-1"), CancellationToken.None);

        Assert.True(await store.DeleteAsync("alice", "s-1", CancellationToken.None));
        Assert.Null(await store.GetAsync("alice", "s-1", CancellationToken.None));
        Assert.False(await store.DeleteAsync("alice", "s-1", CancellationToken.None));
    }

    [Fact]
    public async Task CreateAsync_TooLargeForAColumn_ThrowsAndStoresNothing()
    {
        var store = new SubscriptionStore<TestSubscription>(await azurite.CreateAccountAsync());
        var huge = Sub("alice", "s-1") with { Commodities = [.. Enumerable.Range(0, 5000).Select(i => $"commodity-{i}")] };

        var e = await Assert.ThrowsAsync<ArgumentException>(() => store.CreateAsync("alice", "s-1", huge, CancellationToken.None));

        Assert.Contains("Subscription s-1", e.Message, StringComparison.Ordinal);
        Assert.Null(await store.GetAsync("alice", "s-1", CancellationToken.None));
    }

    [Fact]
    public async Task GetAsync_StoredJsonOfAnotherShape_NamesTheColumnAndPath()
    {
        var account = await azurite.CreateAccountAsync();
        await new SubscriptionStore<JsonElement>(account).CreateAsync("alice", "s-1", JsonSerializer.SerializeToElement(new { id = 5 }), CancellationToken.None);
        var store = new SubscriptionStore<TestSubscription>(account);

        var e = await Assert.ThrowsAsync<InvalidDataException>(() => store.GetAsync("alice", "s-1", CancellationToken.None));

        Assert.Contains("column 'Json' is not a valid TestSubscription at $.id", e.Message, StringComparison.Ordinal);
    }
}
