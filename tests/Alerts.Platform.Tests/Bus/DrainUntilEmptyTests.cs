using Alerts.Evaluate.Breaches;
using Alerts.Evaluate.Lifecycle;
using Alerts.Platform.Bus;
using Alerts.TestKit.Bus;
using Alerts.TestKit.Events;
using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.Logging.Abstractions;

namespace Alerts.Platform.Tests.Bus;

/// <summary>A burst is drained in one run, and a slow handler keeps its messages' locks (loopback broker, real SDK client).</summary>
public sealed class DrainUntilEmptyTests
{
    private const string Topic = ServiceBusNames.BreachesTopic;
    private const string Router = ServiceBusNames.RouterSubscription;

    private static SubscriptionDrain Drain(BusFixture fx) => new(fx.Client, fx.Clock, NullLogger<SubscriptionDrain>.Instance);

    [Fact]
    public async Task DrainAsync_DefaultOptions_TakesABurstUntilTheSubscriptionIsEmpty()
    {
        await using var fx = await BusFixture.StartAsync();
        await using (var sender = fx.Client.CreateSender(Topic))
        {
            // More than the 100 a run used to take at most.
            for (var chunk = 0; chunk < 5; chunk++)
            {
                await sender.SendMessagesAsync(Enumerable.Range(chunk * 50, 50).Select(i => BreachPublisher.CreateMessage(BusTestEvents.Event($"e-{i}"))));
            }
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var summary = await Drain(fx).DrainAsync<AlertEvent>(
            Topic,
            Router,
            (e, _, _) =>
            {
                seen.Add(e.EventId);
                return Task.FromResult(Settlement.Complete);
            },
            new DrainOptions { ReceiveWait = TimeSpan.FromMilliseconds(300), BatchSize = 25 },
            CancellationToken.None);

        Assert.Equal(250, summary.Completed);
        Assert.Equal(250, seen.Count);
        Assert.Equal(0, fx.Bus.GetCounts(Topic, Router).Active);
    }

    [Fact]
    public async Task DrainAsync_HandlerSlowerThanTheLock_LocksRenewedAndEachMessageCompletedOnce()
    {
        await using var fx = await BusFixture.StartAsync();
        await using (var sender = fx.Client.CreateSender(Topic))
        {
            await sender.SendMessagesAsync([BreachPublisher.CreateMessage(BusTestEvents.Event("slow-1")), BreachPublisher.CreateMessage(BusTestEvents.Event("slow-2"))]);
        }

        var calls = new List<string>();
        var summary = await Drain(fx).DrainBatchesAsync<AlertEvent>(
            Topic,
            Router,
            async (items, _) =>
            {
                calls.AddRange(items.Select(i => i.Body.EventId));
                // The router's lock lasts one minute (Config.json); this batch takes three minutes of the shared clock,
                // in steps, so the renewal (due at half of what is left of the lock) gets its turn at each step.
                for (var i = 0; i < 36; i++)
                {
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
}
