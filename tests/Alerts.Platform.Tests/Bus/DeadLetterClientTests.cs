using Alerts.Evaluate.Breaches;
using Alerts.Evaluate.Lifecycle;
using Alerts.Platform.Bus;
using Alerts.Platform.Bus.DeadLetters;
using Alerts.TestKit.Bus;
using Alerts.TestKit.Events;
using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.Logging.Abstractions;

namespace Alerts.Platform.Tests.Bus;

/// <summary>
/// <see cref="DeadLetterClient"/> on the loopback bus through the real client: listing pages through the dead-letter
/// sub-queue and changes nothing; a resubmitted copy reaches its subscription again (not dropped as a duplicate) with a
/// fresh retry count; what does not match stays; a purge empties what matches.
/// </summary>
public sealed class DeadLetterClientTests
{
    private static readonly DeadLetterQueue Router = DeadLetterQueue.Find(ServiceBusNames.BreachesTopic, ServiceBusNames.RouterSubscription)!;

    [Fact]
    public async Task ListAsync_MoreThanAPage_AllOldestFirstRedactedAndStillThere()
    {
        await using var fx = await BusFixture.StartAsync();
        await DeadLetterAsync(fx, 130, "Poison", "failed at https://hooks.example.com/workflows/abc?sig=s3cret");
        var client = Client(fx);

        var all = await client.ListAsync(Router, DeadLetterFilter.None, DeadLetterClient.MaxMessages, CancellationToken.None);
        var five = await client.ListAsync(Router, DeadLetterFilter.None, 5, CancellationToken.None);

        Assert.Equal(130, all.Count);
        Assert.Equal(all.Select(d => d.SequenceNumber).Order(), all.Select(d => d.SequenceNumber));
        Assert.Equal(all.Take(5), five);
        Assert.All(all, d => Assert.Equal("Poison", d.Reason));
        Assert.All(all, d => Assert.Equal("failed at https://hooks.example.com/***", d.Description));
        Assert.Equal(130, fx.Bus.GetCounts(ServiceBusNames.BreachesTopic, ServiceBusNames.RouterSubscription).DeadLetter);
    }

    [Fact]
    public async Task ResubmitAsync_OneOfThree_BackToItsSubscriptionAsAFreshCopyTheOthersStay()
    {
        await using var fx = await BusFixture.StartAsync();
        await DeadLetterAsync(fx, 3, "Poison", "bad");
        var client = Client(fx);
        var chosen = (await client.ListAsync(Router, DeadLetterFilter.None, 10, CancellationToken.None))[1];

        var resubmitted = await client.ResubmitAsync(Router, new DeadLetterFilter(SequenceNumber: chosen.SequenceNumber), 10, CancellationToken.None);

        Assert.Equal(1, resubmitted);
        var copy = Assert.Single(await fx.ReceiveAllAsync(ServiceBusNames.BreachesTopic, ServiceBusNames.RouterSubscription, 10));
        Assert.Equal($"{chosen.MessageId}:resubmit{chosen.SequenceNumber}", copy.MessageId);
        Assert.Equal(ServiceBusNames.RouterSubscription, copy.ApplicationProperties[MessageProperties.RetryFor]);
        Assert.False(copy.ApplicationProperties.ContainsKey(MessageProperties.RetryAttempt));
        Assert.Null(copy.DeadLetterReason);
        Assert.Equal(chosen.CorrelationId, copy.CorrelationId);
        var left = await client.ListAsync(Router, DeadLetterFilter.None, 10, CancellationToken.None);
        Assert.Equal(2, left.Count);
        Assert.DoesNotContain(left, d => d.SequenceNumber == chosen.SequenceNumber);
    }

    [Fact]
    public async Task PurgeAsync_ByReason_RemovesOnlyThoseMatching()
    {
        await using var fx = await BusFixture.StartAsync();
        await DeadLetterAsync(fx, 2, "Poison", "bad");
        await DeadLetterAsync(fx, 3, "Stale", "old", first: 10);
        var client = Client(fx);

        var purged = await client.PurgeAsync(Router, new DeadLetterFilter(Reason: "stale"), 100, CancellationToken.None);

        Assert.Equal(3, purged);
        var left = await client.ListAsync(Router, DeadLetterFilter.None, 100, CancellationToken.None);
        Assert.Equal(["Poison", "Poison"], left.Select(d => d.Reason));
        Assert.Empty(await fx.ReceiveAllAsync(ServiceBusNames.BreachesTopic, ServiceBusNames.RouterSubscription, 10));
    }

    private static DeadLetterClient Client(BusFixture fx) => new(fx.Client, NullLogger<DeadLetterClient>.Instance);

    // Breach events sent to the topic, then dead-lettered by the router's drain with the given reason.
    private static async Task DeadLetterAsync(BusFixture fx, int count, string reason, string description, int first = 0)
    {
        await using (var sender = fx.Client.CreateSender(ServiceBusNames.BreachesTopic))
        {
            await sender.SendMessagesAsync(Enumerable.Range(first, count).Select(i => BreachPublisher.CreateMessage(BusTestEvents.Event($"dl-{i}"))));
        }

        var drain = new SubscriptionDrain(fx.Client, fx.Clock, NullLogger<SubscriptionDrain>.Instance);
        await drain.DrainAsync<AlertEvent>(
            ServiceBusNames.BreachesTopic,
            ServiceBusNames.RouterSubscription,
            (_, _, _) => Task.FromResult(Settlement.DeadLetter(reason, description)),
            new DrainOptions { ReceiveWait = TimeSpan.FromMilliseconds(300), MaxMessages = 1000, BatchSize = 50 },
            CancellationToken.None);
    }
}
