using Alerts.Compute.Engine;
using Alerts.Compute.Store;
using Alerts.Deliver.Endpoints;
using Alerts.Deliver.History;
using Alerts.Evaluate.Lifecycle;
using Alerts.Platform.Storage;
using Alerts.Pull.Snapshots;
using Alerts.Pull.State;
using Alerts.Pull.Statistics;
using Alerts.Pull.Tests.Snapshots;
using Alerts.Route.NotificationLog;
using Alerts.Route.Subscriptions;
using Alerts.TestKit.Storage;

namespace Alerts.Pull.Tests.State;

[Collection(AzuriteCollection.Name)]
public sealed class PullStateStoreTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset At = new(2026, 12, 1, 6, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task UpsertAsync_ThenGetAndList_RoundTripsPerSourceAndSeries()
    {
        var store = new PullStateStore(await azurite.CreateAccountAsync());
        var magnets = new PullState("comext", new SeriesKey("EU27_2020", "85051110", TradeFlow.Import), Period.Monthly(2026, 9), "2026-11-15T11:00:00+0100", "abc", At);
        var gallium = new PullState("comext", new SeriesKey("EU27_2020", "81129289", TradeFlow.Import), null, null, null, At);
        var comtrade = magnets with { Source = "comtrade" };

        await store.UpsertAsync([magnets, gallium, comtrade], CancellationToken.None);
        await store.UpsertAsync([magnets with { SnapshotHash = "def" }], CancellationToken.None);

        Assert.Equal(magnets with { SnapshotHash = "def" }, await store.GetAsync("comext", magnets.Series, CancellationToken.None));
        Assert.Equal(gallium, await store.GetAsync("comext", gallium.Series, CancellationToken.None));
        Assert.Equal(2, (await store.ListAsync("comext", CancellationToken.None).ToListAsync()).Count);
        Assert.Null(await store.GetAsync("comext", magnets.Series with { Flow = TradeFlow.Export }, CancellationToken.None));
    }
}
