using Alerts.Compute.Store;
using Alerts.Deliver;
using Alerts.Deliver.Email;
using Alerts.Deliver.Endpoints;
using Alerts.Deliver.History;
using Alerts.Deliver.Teams;
using Alerts.Deliver.Tests.Endpoints;
using Alerts.Evaluate.Lifecycle;
using Alerts.Platform.Secrets;
using Alerts.Platform.Storage;
using Alerts.Pull.Snapshots;
using Alerts.Pull.State;
using Alerts.Route.NotificationLog;
using Alerts.Route.Subscriptions;
using Alerts.TestKit.Storage;

namespace Alerts.Deliver.Tests.History;

[Collection(AzuriteCollection.Name)]
public sealed class DeliveryHistoryStoreTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset At = new(2026, 12, 1, 6, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task RecordAsync_SeveralAttempts_ListsThemOldestFirst()
    {
        var store = new DeliveryHistoryStore(await azurite.CreateAccountAsync());

        await store.RecordAsync(new DeliveryAttempt("n-1", "teams", DeliveryStatus.Delivered, "202 accepted", At.AddMinutes(5), 2, "s-1"), CancellationToken.None);
        await store.RecordAsync(new DeliveryAttempt("n-1", "teams", DeliveryStatus.Retry, "500 from webhook host", At, 1, "s-1"), CancellationToken.None);
        await store.RecordAsync(new DeliveryAttempt("n-2", "email", DeliveryStatus.Permanent, "550 mailbox unavailable", At), CancellationToken.None);

        var history = await store.ListAsync("n-1", CancellationToken.None).ToListAsync();

        Assert.Equal([DeliveryStatus.Retry, DeliveryStatus.Delivered], history.Select(h => h.Outcome));
        Assert.Equal(new DeliveryAttempt("n-1", "teams", DeliveryStatus.Retry, "500 from webhook host", At, 1, "s-1"), history[0]);
    }

    [Fact]
    public async Task RecordAsync_TwoAttemptsInTheSameTick_KeepsBoth()
    {
        var store = new DeliveryHistoryStore(await azurite.CreateAccountAsync());

        await store.RecordAsync(new DeliveryAttempt("n-1", "email", DeliveryStatus.Retry, "421 try later", At), CancellationToken.None);
        await store.RecordAsync(new DeliveryAttempt("n-1", "email", DeliveryStatus.Delivered, "250 ok", At), CancellationToken.None);

        Assert.Equal(2, (await store.ListAsync("n-1", CancellationToken.None).ToListAsync()).Count);
    }

    [Fact]
    public async Task RecordAsync_HugeDetail_IsCut()
    {
        var store = new DeliveryHistoryStore(await azurite.CreateAccountAsync());

        await store.RecordAsync(new DeliveryAttempt("n-1", "email", DeliveryStatus.Retry, new string('x', 50_000), At), CancellationToken.None);

        Assert.Equal(DeliveryHistoryStore.MaxDetailLength, (await store.ListAsync("n-1", CancellationToken.None).SingleAsync()).Detail.Length);
    }
}
