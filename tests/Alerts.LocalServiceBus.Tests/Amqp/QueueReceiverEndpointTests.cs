using System.Diagnostics;
using Azure.Messaging.ServiceBus;

namespace Alerts.LocalServiceBus.Tests.Amqp;

/// <summary>Receiving and settling through the real SDK: peek-lock, receive-and-delete, abandon, dead-letter, lock loss, drain.</summary>
public sealed class QueueReceiverEndpointTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task CompleteMessageAsync_PeekLocked_RemovesTheMessage()
    {
        await using var fx = await BrokerFixture.StartAsync();
        await SendAsync(fx, "one");
        await using var receiver = fx.Client.CreateReceiver("breaches", "router");

        var received = await receiver.ReceiveMessageAsync(Wait);
        Assert.Equal("one", received.Body.ToString());
        Assert.NotEqual(Guid.Empty, Guid.Parse(received.LockToken));
        Assert.True(received.LockedUntil > TimeProvider.System.GetUtcNow());
        Assert.Equal(1, fx.Bus.GetCounts("breaches", "router").Active);

        await receiver.CompleteMessageAsync(received);

        Assert.Equal(new SubscriptionCounts(0, 0, 0), fx.Bus.GetCounts("breaches", "router"));
        Assert.Null(await receiver.ReceiveMessageAsync(TimeSpan.FromMilliseconds(300)));
    }

    [Fact]
    public async Task ReceiveMessageAsync_ReceiveAndDelete_RemovesOnDelivery()
    {
        await using var fx = await BrokerFixture.StartAsync();
        await SendAsync(fx, "gone");
        await using var receiver = fx.Client.CreateReceiver("breaches", "router", new ServiceBusReceiverOptions { ReceiveMode = ServiceBusReceiveMode.ReceiveAndDelete });

        var received = await receiver.ReceiveMessageAsync(Wait);

        Assert.Equal("gone", received.Body.ToString());
        Assert.Equal(0, fx.Bus.GetCounts("breaches", "router").Active);
        Assert.Null(await receiver.ReceiveMessageAsync(TimeSpan.FromMilliseconds(300)));
    }

    [Fact]
    public async Task AbandonMessageAsync_UntilMaxDeliveryCount_DeadLettersWithMaxDeliveryCountExceeded()
    {
        await using var fx = await BrokerFixture.StartAsync();
        await SendAsync(fx, "poison");
        await using var receiver = fx.Client.CreateReceiver("breaches", "router");

        var seen = new List<int>();
        for (var i = 0; i < 10; i++)
        {
            var received = await receiver.ReceiveMessageAsync(Wait);
            Assert.NotNull(received);
            seen.Add(received.DeliveryCount);
            await receiver.AbandonMessageAsync(received, new Dictionary<string, object> { ["attempt"] = i });
        }

        Assert.Equal(Enumerable.Range(1, 10), seen);
        Assert.Equal(new SubscriptionCounts(0, 1, 0), fx.Bus.GetCounts("breaches", "router"));
        await using var deadLetters = fx.Client.CreateReceiver("breaches", "router", new ServiceBusReceiverOptions { SubQueue = SubQueue.DeadLetter });
        var dead = await deadLetters.ReceiveMessageAsync(Wait);
        Assert.Equal("poison", dead.Body.ToString());
        Assert.Equal("MaxDeliveryCountExceeded", dead.DeadLetterReason);
        Assert.Contains("10 delivery attempts", dead.DeadLetterErrorDescription, StringComparison.Ordinal);
        Assert.Equal(9, dead.ApplicationProperties["attempt"]);
        await deadLetters.CompleteMessageAsync(dead);
        Assert.Equal(new SubscriptionCounts(0, 0, 0), fx.Bus.GetCounts("breaches", "router"));
    }

    [Fact]
    public async Task DeadLetterMessageAsync_WithReason_IsReadBackFromTheDeadLetterQueue()
    {
        await using var fx = await BrokerFixture.StartAsync();
        await SendAsync(fx, "bad payload");
        await using var receiver = fx.Client.CreateReceiver("breaches", "router");
        var received = await receiver.ReceiveMessageAsync(Wait);

        await receiver.DeadLetterMessageAsync(received, "SchemaInvalid", "field 'hhi' is missing");

        Assert.Equal(new SubscriptionCounts(0, 1, 0), fx.Bus.GetCounts("breaches", "router"));
        await using var deadLetters = fx.Client.CreateReceiver("breaches", "router", new ServiceBusReceiverOptions { SubQueue = SubQueue.DeadLetter });
        var dead = await deadLetters.ReceiveMessageAsync(Wait);
        Assert.Equal("bad payload", dead.Body.ToString());
        Assert.Equal("SchemaInvalid", dead.DeadLetterReason);
        Assert.Equal("field 'hhi' is missing", dead.DeadLetterErrorDescription);
        Assert.Equal(received.SequenceNumber, dead.SequenceNumber);
    }

    [Fact]
    public async Task CompleteMessageAsync_AfterLockExpiry_FailsWithMessageLockLost()
    {
        await using var fx = await BrokerFixture.StartAsync(fakeClock: true);
        await SendAsync(fx, "slow");
        await using var receiver = fx.Client.CreateReceiver("breaches", "router");
        var received = await receiver.ReceiveMessageAsync(Wait);

        fx.Clock!.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        var error = await Assert.ThrowsAsync<ServiceBusException>(() => receiver.CompleteMessageAsync(received));

        Assert.Equal(ServiceBusFailureReason.MessageLockLost, error.Reason);
        var again = await receiver.ReceiveMessageAsync(Wait);
        Assert.Equal("slow", again.Body.ToString());
        Assert.Equal(2, again.DeliveryCount);
    }

    [Fact]
    public async Task DisposeAsync_WithOpenCredit_ReturnsPromptlyBecauseDrainIsAnswered()
    {
        await using var fx = await BrokerFixture.StartAsync(tryTimeout: TimeSpan.FromSeconds(30));
        var receiver = fx.Client.CreateReceiver("breaches", "router");
        Assert.Null(await receiver.ReceiveMessageAsync(TimeSpan.FromMilliseconds(500)));

        var watch = Stopwatch.StartNew();
        await receiver.DisposeAsync();

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"dispose took {watch.Elapsed}");
    }

    [Fact]
    public async Task DisposeAsync_WithPrefetchedMessages_ReleasesThemWithoutCountingADelivery()
    {
        await using var fx = await BrokerFixture.StartAsync();
        for (var i = 0; i < 5; i++)
        {
            await SendAsync(fx, $"p{i}");
        }

        var prefetching = fx.Client.CreateReceiver("breaches", "router", new ServiceBusReceiverOptions { PrefetchCount = 10 });
        var first = await prefetching.ReceiveMessageAsync(Wait);
        await prefetching.CompleteMessageAsync(first);
        await prefetching.DisposeAsync();

        var rest = await TopicSenderEndpointTests.ReceiveAllAsync(fx, "router", 4);
        Assert.Equal(["p1", "p2", "p3", "p4"], rest.Select(m => m.Body.ToString()));
        Assert.All(rest, m => Assert.Equal(1, m.DeliveryCount));
    }

    [Fact]
    public async Task DeferMessageAsync_Unsupported_FailsAndLeavesTheMessageReceivable()
    {
        await using var fx = await BrokerFixture.StartAsync();
        await SendAsync(fx, "defer me");
        await using var receiver = fx.Client.CreateReceiver("breaches", "router");
        var received = await receiver.ReceiveMessageAsync(Wait);

        var error = await Assert.ThrowsAsync<NotSupportedException>(() => receiver.DeferMessageAsync(received));

        Assert.Contains("Deferral is not supported", error.Message, StringComparison.Ordinal);
        var again = await receiver.ReceiveMessageAsync(Wait);
        Assert.Equal("defer me", again.Body.ToString());
        Assert.Equal(1, again.DeliveryCount);
    }

    [Fact]
    public async Task Processor_AutoComplete_HandlesEveryMessageAndStopsPromptly()
    {
        await using var fx = await BrokerFixture.StartAsync(tryTimeout: TimeSpan.FromSeconds(30));
        for (var i = 0; i < 5; i++)
        {
            await SendAsync(fx, $"job{i}");
        }

        var handled = new System.Collections.Concurrent.ConcurrentBag<string>();
        var allHandled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var processor = fx.Client.CreateProcessor("breaches", "router", new ServiceBusProcessorOptions { MaxConcurrentCalls = 2 });
        processor.ProcessMessageAsync += args =>
        {
            handled.Add(args.Message.Body.ToString());
            if (handled.Count == 5)
            {
                allHandled.TrySetResult();
            }

            return Task.CompletedTask;
        };
        processor.ProcessErrorAsync += _ => Task.CompletedTask;

        await processor.StartProcessingAsync();
        await allHandled.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var watch = Stopwatch.StartNew();
        await processor.StopProcessingAsync();

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"stop took {watch.Elapsed}");
        Assert.Equal(["job0", "job1", "job2", "job3", "job4"], handled.Order());
        Assert.Equal(new SubscriptionCounts(0, 0, 0), fx.Bus.GetCounts("breaches", "router"));
    }

    [Fact]
    public async Task ReceiveMessageAsync_UnknownSubscription_FailsWithMessagingEntityNotFound()
    {
        await using var fx = await BrokerFixture.StartAsync();
        await using var receiver = fx.Client.CreateReceiver("breaches", "no-such-subscription");

        var error = await Assert.ThrowsAsync<ServiceBusException>(() => receiver.ReceiveMessageAsync(Wait));

        Assert.Equal(ServiceBusFailureReason.MessagingEntityNotFound, error.Reason);
    }

    private static async Task SendAsync(BrokerFixture fx, string body)
    {
        await using var sender = fx.Client.CreateSender("breaches");
        await sender.SendMessageAsync(new ServiceBusMessage(body) { MessageId = Guid.NewGuid().ToString() });
    }
}
