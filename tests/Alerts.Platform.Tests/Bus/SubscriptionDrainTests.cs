using Alerts.Deliver;
using Alerts.Deliver.Email;
using Alerts.Deliver.Endpoints;
using Alerts.Deliver.Teams;
using Alerts.Evaluate.Breaches;
using Alerts.Evaluate.Lifecycle;
using Alerts.Platform.Bus;
using Alerts.Platform.Secrets;
using Alerts.Route.Notifications;
using Alerts.TestKit.Bus;
using Alerts.TestKit.Events;
using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.Logging.Abstractions;

namespace Alerts.Platform.Tests.Bus;

public sealed class SubscriptionDrainTests
{
    private const string Topic = ServiceBusNames.BreachesTopic;
    private const string Router = ServiceBusNames.RouterSubscription;

    private static async Task SendAsync(BusFixture fx, params ServiceBusMessage[] messages)
    {
        await using var sender = fx.Client.CreateSender(Topic);
        await sender.SendMessagesAsync(messages);
    }

    private static Task SendEventsAsync(BusFixture fx, int count) =>
        SendAsync(fx, [.. Enumerable.Range(0, count).Select(i => BreachPublisher.CreateMessage(BusTestEvents.Event($"e-{i}")))]);

    // Each run ends with one empty receive; keep that wait short in tests.
    private static readonly TimeSpan Quick = TimeSpan.FromMilliseconds(300);

    private static DrainOptions Fast() => new() { ReceiveWait = Quick };

    private static SubscriptionDrain Drain(BusFixture fx) => new(fx.Client, fx.Clock, NullLogger<SubscriptionDrain>.Instance);

    private static Func<AlertEvent, ServiceBusReceivedMessage, CancellationToken, Task<Settlement>> Always(Settlement s, List<string>? seen = null) =>
        (e, _, _) =>
        {
            seen?.Add(e.EventId);
            return Task.FromResult(s);
        };

    [Fact]
    public async Task DrainAsync_HandlerCompletes_CompletesEveryMessageAndSummarises()
    {
        await using var fx = await BusFixture.StartAsync();
        await SendEventsAsync(fx, 3);
        var seen = new List<string>();

        var summary = await Drain(fx).DrainAsync(Topic, Router, Always(Settlement.Complete, seen), new DrainOptions { ReceiveWait = Quick, BatchSize = 2 }, CancellationToken.None);

        Assert.Equal(["e-0", "e-1", "e-2"], seen);
        Assert.Equal((3, 3, 0, 0, 0), (summary.Received, summary.Completed, summary.Retried, summary.DeadLettered, summary.Abandoned));
        Assert.Equal(new(0, 0, 0), fx.Bus.GetCounts(Topic, Router));
    }

    [Fact]
    public async Task DrainAsync_EmptySubscription_ReturnsAtOnce()
    {
        await using var fx = await BusFixture.StartAsync();
        var started = System.Diagnostics.Stopwatch.StartNew();

        var summary = await Drain(fx).DrainAsync(Topic, Router, Always(Settlement.Complete), new DrainOptions { ReceiveWait = TimeSpan.FromMilliseconds(300) }, CancellationToken.None);

        Assert.Equal(0, summary.Received);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(5), $"took {started.Elapsed}"); // the receiver's dispose does not hang
    }

    [Theory]
    [InlineData("{\"eventId\": \"x\"", "MalformedMessage", "at JSON path $")] // truncated JSON
    [InlineData("{\"eventId\": 5}", "MalformedMessage", "at JSON path $.eventId")] // wrong type
    [InlineData("null", "MalformedMessage", "not a AlertEvent")] // JSON null
    [InlineData("{\"eventId\": \"x\"}", "MalformedMessage", "missing required properties")] // fields missing
    public async Task DrainAsync_BodyThatDoesNotDeserialize_IsDeadLetteredNamingThePath(string body, string reason, string description)
    {
        await using var fx = await BusFixture.StartAsync();
        await SendAsync(fx, new ServiceBusMessage(body) { MessageId = "bad" });
        var called = false;

        var summary = await Drain(fx).DrainAsync<AlertEvent>(Topic, Router, (_, _, _) => { called = true; return Task.FromResult(Settlement.Complete); }, Fast(), CancellationToken.None);

        Assert.False(called);
        Assert.Equal(1, summary.DeadLettered);
        var dead = Assert.Single(await fx.ReceiveAllAsync(Topic, Router, 5, SubQueue.DeadLetter));
        Assert.Equal(reason, dead.DeadLetterReason);
        Assert.Contains(description, dead.DeadLetterErrorDescription, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DrainAsync_HandlerDeadLetters_MovesTheMessageWithReasonAndDescription()
    {
        await using var fx = await BusFixture.StartAsync();
        await SendEventsAsync(fx, 1);

        var summary = await Drain(fx).DrainAsync(Topic, Router, Always(DeliveryOutcome.Permanent("404 from webhook host").ToSettlement()), Fast(), CancellationToken.None);

        Assert.Equal(1, summary.DeadLettered);
        var dead = Assert.Single(await fx.ReceiveAllAsync(Topic, Router, 5, SubQueue.DeadLetter));
        Assert.Equal(("e-0", "DeliveryFailed", "404 from webhook host"), (dead.MessageId, dead.DeadLetterReason, dead.DeadLetterErrorDescription));
    }

    [Fact]
    public async Task DrainAsync_RetryAfterDelay_SchedulesACopyNoEarlierThanAskedAndCompletesTheOriginal()
    {
        await using var fx = await BusFixture.StartAsync();
        await SendEventsAsync(fx, 1);
        var drain = Drain(fx);

        var first = await drain.DrainAsync(Topic, Router, Always(Settlement.Retry(TimeSpan.FromMinutes(5))), Fast(), CancellationToken.None);

        Assert.Equal((1, 1, 0), (first.Received, first.Retried, first.Completed));
        Assert.Equal(new(0, 0, 1), fx.Bus.GetCounts(Topic, Router)); // only the scheduled copy is left
        fx.Clock.Advance(TimeSpan.FromMinutes(4));
        Assert.Equal(0, (await drain.DrainAsync(Topic, Router, Always(Settlement.Complete), new DrainOptions { ReceiveWait = TimeSpan.FromMilliseconds(300) }, CancellationToken.None)).Received); // not yet
        fx.Clock.Advance(TimeSpan.FromMinutes(1));
        ServiceBusReceivedMessage? retried = null;
        var second = await drain.DrainAsync<AlertEvent>(Topic, Router, (e, m, _) => { retried = m; return Task.FromResult(Settlement.Complete); }, Fast(), CancellationToken.None);

        Assert.Equal(1, second.Completed);
        Assert.Equal("e-0:retry1", retried!.MessageId);
        Assert.Equal(1, SubscriptionDrain.RetryAttemptOf(retried));
        Assert.Equal("e-0", retried.ApplicationProperties[MessageProperties.OriginalMessageId]);
        Assert.Equal("fp-85051110", retried.CorrelationId);
        Assert.Equal("critical", retried.ApplicationProperties[MessageProperties.Severity]); // properties carried over
        Assert.Equal(new(0, 0, 0), fx.Bus.GetCounts(Topic, Router));
    }

    [Fact]
    public async Task DrainAsync_RetriedPastMaxRetries_IsDeadLettered()
    {
        await using var fx = await BusFixture.StartAsync();
        await SendEventsAsync(fx, 1);
        var drain = Drain(fx);
        var options = new DrainOptions { MaxRetries = 2, ReceiveWait = TimeSpan.FromMilliseconds(500) };

        for (var i = 0; i < 3; i++)
        {
            await drain.DrainAsync(Topic, Router, Always(Settlement.Retry(TimeSpan.FromMinutes(1))), options, CancellationToken.None);
            fx.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        var dead = Assert.Single(await fx.ReceiveAllAsync(Topic, Router, 5, SubQueue.DeadLetter));
        Assert.Equal(("e-0:retry2", SubscriptionDrain.MaxRetriesExceededReason), (dead.MessageId, dead.DeadLetterReason));
    }

    [Theory]
    [InlineData(false)] // the handler asks for a retry without a delay
    [InlineData(true)] // the handler throws
    public async Task DrainAsync_RetryWithoutDelayOrHandlerThrows_AbandonsForRedelivery(bool throws)
    {
        await using var fx = await BusFixture.StartAsync();
        await SendEventsAsync(fx, 1);
        var deliveries = new List<int>();

        var summary = await Drain(fx).DrainAsync<AlertEvent>(Topic, Router, (_, m, _) =>
        {
            deliveries.Add(m.DeliveryCount);
            return deliveries.Count < 3
                ? throws ? throw new InvalidOperationException("transient") : Task.FromResult(Settlement.Retry())
                : Task.FromResult(Settlement.Complete);
        }, Fast(), CancellationToken.None);

        Assert.Equal([1, 2, 3], deliveries); // redelivered within the run, each delivery counted
        Assert.Equal((3, 1), (summary.Received, summary.Completed));
        Assert.Equal(2, throws ? summary.Abandoned : summary.Retried);
    }

    [Fact]
    public async Task DrainAsync_MaxMessages_LeavesTheRestForTheNextRun()
    {
        await using var fx = await BusFixture.StartAsync();
        await SendEventsAsync(fx, 7);

        var summary = await Drain(fx).DrainAsync(Topic, Router, Always(Settlement.Complete), new DrainOptions { ReceiveWait = Quick, MaxMessages = 5, BatchSize = 3 }, CancellationToken.None);

        Assert.Equal(5, summary.Completed);
        Assert.Equal(2, fx.Bus.GetCounts(Topic, Router).Active);
    }

    [Fact]
    public async Task DrainAsync_TimeBudgetSpent_StopsBeforeTheNextBatch()
    {
        await using var fx = await BusFixture.StartAsync();
        await SendEventsAsync(fx, 6);

        // Each message takes 10 s of (fake) time; with a 25 s budget the third batch of one is the last.
        var summary = await Drain(fx).DrainAsync<AlertEvent>(Topic, Router, (_, _, _) =>
        {
            fx.Clock.Advance(TimeSpan.FromSeconds(10));
            return Task.FromResult(Settlement.Complete);
        }, new DrainOptions { ReceiveWait = Quick, BatchSize = 1, TimeBudget = TimeSpan.FromSeconds(25) }, CancellationToken.None);

        Assert.Equal(3, summary.Completed);
        Assert.Equal(TimeSpan.FromSeconds(30), summary.Elapsed);
        Assert.Equal(3, fx.Bus.GetCounts(Topic, Router).Active);
    }

    [Fact]
    public async Task DrainAsync_RetryCopyForAnotherSubscription_IsSkipped()
    {
        await using var fx = await BusFixture.StartAsync();
        var copy = BreachPublisher.CreateMessage(BusTestEvents.Event("e-0"));
        copy.MessageId = "e-0:retry1";
        copy.ApplicationProperties[MessageProperties.RetryFor] = "audit";
        await SendAsync(fx, copy);
        var seen = new List<string>();

        var summary = await Drain(fx).DrainAsync(Topic, Router, Always(Settlement.Complete, seen), Fast(), CancellationToken.None);

        Assert.Empty(seen);
        Assert.Equal((1, 1), (summary.Received, summary.Skipped));
        Assert.Equal(new(0, 0, 0), fx.Bus.GetCounts(Topic, Router));
    }
}
