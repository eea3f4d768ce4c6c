using Alerts.Compute.Store;
using Alerts.Deliver;
using Alerts.Deliver.Email;
using Alerts.Deliver.Endpoints;
using Alerts.Deliver.History;
using Alerts.Deliver.Teams;
using Alerts.Deliver.Tests.History;
using Alerts.Evaluate.Lifecycle;
using Alerts.Platform.Secrets;
using Alerts.Platform.Storage;
using Alerts.Pull.Snapshots;
using Alerts.Pull.State;
using Alerts.Route.NotificationLog;
using Alerts.Route.Subscriptions;
using Alerts.TestKit.Storage;

namespace Alerts.Deliver.Tests.Endpoints;

[Collection(AzuriteCollection.Name)]
public sealed class EndpointHealthStoreTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset At = new(2026, 12, 1, 6, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task GetAsync_NoRow_Healthy()
    {
        var store = new EndpointHealthStore(await azurite.CreateAccountAsync());

        Assert.Equal(EndpointHealth.Healthy, await store.GetAsync("sub-1", CancellationToken.None));
    }

    [Fact]
    public async Task UpdateAsync_FailuresThenPause_StoredAndReadBack()
    {
        var store = new EndpointHealthStore(await azurite.CreateAccountAsync());
        var failure = DeliveryOutcome.Permanent("404 Not Found");

        await store.UpdateAsync("sub-1", h => h.After(failure, 2, At), CancellationToken.None);
        var paused = await store.UpdateAsync("sub-1", h => h.After(failure, 2, At.AddMinutes(1)), CancellationToken.None);

        var read = await store.GetAsync("sub-1", CancellationToken.None);
        Assert.Equal(paused, read);
        Assert.Equal((2, At.AddMinutes(1)), (read.ConsecutivePermanentFailures, read.PausedAt));
        Assert.Contains("404 Not Found", read.PauseReason, StringComparison.Ordinal);
        Assert.Equal(EndpointHealth.Healthy, await store.GetAsync("sub-2", CancellationToken.None));
    }

    [Fact]
    public async Task UpdateAsync_SuccessAfterFailure_CountBackToZero()
    {
        var store = new EndpointHealthStore(await azurite.CreateAccountAsync());

        await store.UpdateAsync("sub-1", h => h.After(DeliveryOutcome.Permanent("410 Gone"), 3, At), CancellationToken.None);
        await store.UpdateAsync("sub-1", h => h.After(DeliveryOutcome.Delivered(), 3, At), CancellationToken.None);

        Assert.Equal(EndpointHealth.Healthy, await store.GetAsync("sub-1", CancellationToken.None));
    }

    [Fact]
    public async Task UpdateAsync_ConcurrentFailures_NoneLost()
    {
        var store = new EndpointHealthStore(await azurite.CreateAccountAsync());

        // Optimistic concurrency: each writer that loses the race re-reads and counts on top of the winner.
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            store.UpdateAsync("sub-1", h => h.After(DeliveryOutcome.Permanent("404 Not Found"), 10, At), CancellationToken.None)));

        Assert.Equal(4, (await store.GetAsync("sub-1", CancellationToken.None)).ConsecutivePermanentFailures);
    }

    [Fact]
    public async Task DeleteAsync_Paused_HealthyAgainAndMissingRowIsFine()
    {
        var store = new EndpointHealthStore(await azurite.CreateAccountAsync());
        await store.UpdateAsync("sub-1", h => h.After(DeliveryOutcome.Permanent("404 Not Found"), 1, At), CancellationToken.None);

        await store.DeleteAsync("sub-1", CancellationToken.None);
        await store.DeleteAsync("sub-never", CancellationToken.None);

        Assert.Equal(EndpointHealth.Healthy, await store.GetAsync("sub-1", CancellationToken.None));
    }
}
