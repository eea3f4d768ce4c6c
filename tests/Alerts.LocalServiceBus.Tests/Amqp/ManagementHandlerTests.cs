using Azure.Messaging.ServiceBus;

namespace Alerts.LocalServiceBus.Tests.Amqp;

/// <summary>$management through the real SDK: peek, renew-lock, schedule and cancel.</summary>
public sealed class ManagementHandlerTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task PeekMessageAsync_EmptyDeadLetterQueue_ReturnsNothing()
    {
        await using var fx = await BrokerFixture.StartAsync();
        await using var deadLetters = fx.Client.CreateReceiver("breaches", "router", new ServiceBusReceiverOptions { SubQueue = SubQueue.DeadLetter });

        var peeked = await deadLetters.PeekMessageAsync();

        Assert.Null(peeked);
    }

    [Fact]
    public async Task PeekMessagesAsync_WithMessages_ReturnsThemWithoutLocking()
    {
        await using var fx = await BrokerFixture.StartAsync();
        await using var sender = fx.Client.CreateSender("breaches");
        await sender.SendMessagesAsync([new ServiceBusMessage("a") { MessageId = "a" }, new ServiceBusMessage("b") { MessageId = "b" }]);
        await using var receiver = fx.Client.CreateReceiver("breaches", "router");

        var peeked = await receiver.PeekMessagesAsync(10);

        Assert.Equal(["a", "b"], peeked.Select(m => m.Body.ToString()));
        Assert.Equal([1L, 2L], peeked.Select(m => m.SequenceNumber));
        var received = await receiver.ReceiveMessageAsync(Wait);
        Assert.Equal("a", received.Body.ToString());
        Assert.Equal(1, received.DeliveryCount);
    }

    [Fact]
    public async Task RenewMessageLockAsync_BeforeExpiry_KeepsTheMessageLocked()
    {
        await using var fx = await BrokerFixture.StartAsync(fakeClock: true);
        await using var sender = fx.Client.CreateSender("breaches");
        await sender.SendMessageAsync(new ServiceBusMessage("long job") { MessageId = "job" });
        await using var receiver = fx.Client.CreateReceiver("breaches", "router");
        var received = await receiver.ReceiveMessageAsync(Wait);

        fx.Clock!.Advance(TimeSpan.FromSeconds(50));
        await receiver.RenewMessageLockAsync(received);
        fx.Clock.Advance(TimeSpan.FromSeconds(50));
        await receiver.CompleteMessageAsync(received);

        Assert.Equal(fx.Clock.GetUtcNow().AddSeconds(10), received.LockedUntil, TimeSpan.FromSeconds(1));
        Assert.Equal(new SubscriptionCounts(0, 0, 0), fx.Bus.GetCounts("breaches", "router"));
    }

    [Fact]
    public async Task ScheduleMessageAsync_FutureTime_AppearsOnlyAtThatTime()
    {
        await using var fx = await BrokerFixture.StartAsync(fakeClock: true);
        await using var sender = fx.Client.CreateSender("breaches");
        var at = fx.Clock!.GetUtcNow().AddHours(1);

        var sequenceNumber = await sender.ScheduleMessageAsync(new ServiceBusMessage("retry later") { MessageId = "retry" }, at);

        Assert.Equal(new SubscriptionCounts(0, 0, 1), fx.Bus.GetCounts("breaches", "router"));
        await using var receiver = fx.Client.CreateReceiver("breaches", "router");
        Assert.Null(await receiver.ReceiveMessageAsync(TimeSpan.FromMilliseconds(500)));

        fx.Clock.Advance(TimeSpan.FromHours(1));
        var received = await receiver.ReceiveMessageAsync(Wait);

        Assert.Equal("retry later", received.Body.ToString());
        Assert.Equal(sequenceNumber, received.SequenceNumber);
        Assert.Equal(at, received.ScheduledEnqueueTime, TimeSpan.FromSeconds(1));
        Assert.Equal(at, received.EnqueuedTime, TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task CancelScheduledMessageAsync_Scheduled_NeverAppears()
    {
        await using var fx = await BrokerFixture.StartAsync(fakeClock: true);
        await using var sender = fx.Client.CreateSender("breaches");
        var sequenceNumber = await sender.ScheduleMessageAsync(new ServiceBusMessage("cancelled") { MessageId = "c" }, fx.Clock!.GetUtcNow().AddMinutes(5));

        await sender.CancelScheduledMessageAsync(sequenceNumber);
        fx.Clock.Advance(TimeSpan.FromMinutes(10));

        Assert.Equal(new SubscriptionCounts(0, 0, 0), fx.Bus.GetCounts("breaches", "router"));
        Assert.Equal(new SubscriptionCounts(0, 0, 0), fx.Bus.GetCounts("breaches", "audit"));
    }
}
