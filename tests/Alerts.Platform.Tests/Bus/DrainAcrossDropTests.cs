using Alerts.Evaluate.Breaches;
using Alerts.Evaluate.Lifecycle;
using Alerts.Platform.Bus;
using Alerts.Soak.Faults;
using Alerts.TestKit.Bus;
using Alerts.TestKit.Events;
using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.Logging.Abstractions;

namespace Alerts.Platform.Tests.Bus;

/// <summary>A broker connection dropped while a slow handler runs: its locks are renewed after the reconnect and it settles once.</summary>
public sealed class DrainAcrossDropTests
{
    private const string Topic = ServiceBusNames.BreachesTopic;
    private const string Router = ServiceBusNames.RouterSubscription;

    [Fact]
    public async Task DrainBatchesAsync_BrokerUnreachableWhenARenewalFallsDue_RenewalTriedAgainAndEachMessageCompletedOnce()
    {
        await using var fx = await BusFixture.StartAsync();
        await using var proxy = new DroppingProxy(fx.Bus.Port);
        await using var client = ClientThrough(fx, proxy);
        await SendTwoAsync(client);

        var summary = await new SubscriptionDrain(client, fx.Clock, NullLogger<SubscriptionDrain>.Instance).DrainBatchesAsync<AlertEvent>(
            Topic,
            Router,
            async (items, _) =>
            {
                // The first renewal is due 30 s in; the broker is unreachable from 20 s to 45 s, so it fails (transient).
                // Given up, the locks would run out at 60 s and the completions fail; tried again, they hold.
                for (var i = 0; i < 36; i++)
                {
                    if (i == 4)
                    {
                        proxy.Refuse(true);
                        proxy.DropAll();
                    }

                    if (i == 9)
                    {
                        proxy.Refuse(false);
                    }

                    fx.Clock.Advance(TimeSpan.FromSeconds(5));
                    await Task.Delay(150);
                }

                return [.. items.Select(_ => (Settlement?)Settlement.Complete)];
            },
            new DrainOptions { ReceiveWait = TimeSpan.FromMilliseconds(300), BatchSize = 10, TimeBudget = TimeSpan.FromMinutes(1) },
            CancellationToken.None);

        Assert.Equal((2, 2, 0), (summary.Received, summary.Completed, summary.Abandoned));
        Assert.Equal(new(0, 0, 0), fx.Bus.GetCounts(Topic, Router));
    }

    [Fact]
    public async Task DrainBatchesAsync_ConnectionDroppedDuringASlowHandler_LocksKeptAndEachMessageCompletedOnce()
    {
        await using var fx = await BusFixture.StartAsync();
        await using var proxy = new DroppingProxy(fx.Bus.Port);
        await using var client = ClientThrough(fx, proxy);
        await SendTwoAsync(client);

        var calls = new List<string>();
        var summary = await new SubscriptionDrain(client, fx.Clock, NullLogger<SubscriptionDrain>.Instance).DrainBatchesAsync<AlertEvent>(
            Topic,
            Router,
            async (items, _) =>
            {
                calls.AddRange(items.Select(i => i.Body.EventId));
                // Three minutes of the shared clock against the router's one-minute lock, the connection reset 20 s in:
                // the renewals and the completions after it go by lock token over a new connection, so the broker must
                // have kept the locks and the renewal must carry on past the reset.
                for (var i = 0; i < 36; i++)
                {
                    if (i == 4)
                    {
                        Assert.True(proxy.DropAll() > 0, "the relay held no connection to drop");
                    }

                    fx.Clock.Advance(TimeSpan.FromSeconds(5));
                    await Task.Delay(100);
                }

                return [.. items.Select(_ => (Settlement?)Settlement.Complete)];
            },
            new DrainOptions { ReceiveWait = TimeSpan.FromMilliseconds(300), BatchSize = 10, TimeBudget = TimeSpan.FromMinutes(1) },
            CancellationToken.None);

        Assert.Equal(["slow-1", "slow-2"], calls.Order(StringComparer.Ordinal));
        Assert.Equal((2, 2, 0), (summary.Received, summary.Completed, summary.Abandoned));
        Assert.Equal(new(0, 0, 0), fx.Bus.GetCounts(Topic, Router));
    }

    private static ServiceBusClient ClientThrough(BusFixture fx, DroppingProxy proxy) => new(
        fx.Bus.ConnectionString.Replace($"127.0.0.1:{fx.Bus.Port};", $"127.0.0.1:{proxy.Port};", StringComparison.Ordinal),
        new ServiceBusClientOptions { RetryOptions = new ServiceBusRetryOptions { MaxRetries = 0, TryTimeout = TimeSpan.FromSeconds(5) } });

    private static async Task SendTwoAsync(ServiceBusClient client)
    {
        await using var sender = client.CreateSender(Topic);
        await sender.SendMessagesAsync([BreachPublisher.CreateMessage(BusTestEvents.Event("slow-1")), BreachPublisher.CreateMessage(BusTestEvents.Event("slow-2"))]);
    }
}
