using Alerts.Compute.Store;
using Alerts.Deliver.Endpoints;
using Alerts.Deliver.History;
using Alerts.Evaluate.Lifecycle;
using Alerts.Platform.Storage;
using Alerts.Pull.Snapshots;
using Alerts.Pull.State;
using Alerts.Route.NotificationLog;
using Alerts.Route.Subscriptions;
using Alerts.Route.Tests.Subscriptions;
using Alerts.TestKit.Storage;

namespace Alerts.Route.Tests.NotificationLog;

[Collection(AzuriteCollection.Name)]
public sealed class NotificationLogStoreTests(AzuriteFixture azurite)
{
    private sealed record Entry(string Reason, IReadOnlyList<string> EventIds, DateTimeOffset SentAt);

    private static readonly DateTimeOffset At = new(2026, 12, 1, 6, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task SaveAsync_ThenGet_RoundTripsTheEntry()
    {
        var store = new NotificationLogStore(await azurite.CreateAccountAsync());
        var entry = new Entry("first", ["e1", "e2"], At);

        await store.SaveAsync("s-1", "rule=crma/commodity=85051110", entry, null, CancellationToken.None);
        var stored = await store.GetAsync<Entry>("s-1", "rule=crma/commodity=85051110", CancellationToken.None);

        Assert.NotNull(stored);
        Assert.Equal(entry.EventIds, stored.Value.EventIds);
        Assert.Equal((entry.Reason, entry.SentAt), (stored.Value.Reason, stored.Value.SentAt));
        Assert.Null(await store.GetAsync<Entry>("s-2", "rule=crma/commodity=85051110", CancellationToken.None));
    }

    [Fact]
    public async Task SaveAsync_TwoRunsFromTheSameRead_SecondConflicts()
    {
        var store = new NotificationLogStore(await azurite.CreateAccountAsync());
        await store.SaveAsync("s-1", "g", new Entry("first", ["e1"], At), null, CancellationToken.None);
        var read = (await store.GetAsync<Entry>("s-1", "g", CancellationToken.None))!;

        await store.SaveAsync("s-1", "g", new Entry("new-alerts-in-group", ["e1", "e2"], At), read.ETag, CancellationToken.None);

        await Assert.ThrowsAsync<StorageConflictException>(() =>
            store.SaveAsync("s-1", "g", new Entry("new-alerts-in-group", ["e1", "e3"], At), read.ETag, CancellationToken.None));
        await Assert.ThrowsAsync<StorageConflictException>(() =>
            store.SaveAsync("s-1", "g", new Entry("first", ["e1"], At), null, CancellationToken.None));
        Assert.Equal(["e1", "e2"], (await store.GetAsync<Entry>("s-1", "g", CancellationToken.None))!.Value.EventIds);
    }

    [Fact]
    public async Task SaveAsync_LongGroupKey_IsStoredUnderAHash()
    {
        var store = new NotificationLogStore(await azurite.CreateAccountAsync());
        var key = string.Join(",", Enumerable.Range(0, 100).Select(i => $"fingerprint-{i:D4}"));

        await store.SaveAsync("s-1", key, new Entry("first", ["e1"], At), null, CancellationToken.None);

        Assert.Equal("first", (await store.GetAsync<Entry>("s-1", key, CancellationToken.None))!.Value.Reason);
    }

    [Fact]
    public async Task DeleteSubscriptionAsync_SeveralGroups_RemovesOnlyThatSubscriptionsEntries()
    {
        var store = new NotificationLogStore(await azurite.CreateAccountAsync());
        await store.SaveAsync("s-1", "g1", new Entry("first", ["e1"], At), null, CancellationToken.None);
        await store.SaveAsync("s-1", "g2", new Entry("first", ["e2"], At), null, CancellationToken.None);
        await store.SaveAsync("s-2", "g1", new Entry("first", ["e1"], At), null, CancellationToken.None);

        Assert.Equal(2, await store.DeleteSubscriptionAsync("s-1", CancellationToken.None));

        Assert.Null(await store.GetAsync<Entry>("s-1", "g1", CancellationToken.None));
        Assert.NotNull(await store.GetAsync<Entry>("s-2", "g1", CancellationToken.None));
    }
}
