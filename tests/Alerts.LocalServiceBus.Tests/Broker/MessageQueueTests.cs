using Alerts.LocalServiceBus.Broker;

namespace Alerts.LocalServiceBus.Tests.Broker;

public sealed class MessageQueueTests
{
    [Fact]
    public void TryReceive_PeekLock_LocksForTheLockDurationAndCompleteRemoves()
    {
        var (broker, topic, _) = TestTopology.Create();
        using var owner = broker;
        topic.Send([TestTopology.Message("a")]);
        var queue = topic.Queue();

        Assert.True(queue.TryReceive(peekLock: true, out var received));
        Assert.NotEqual(Guid.Empty, received!.LockToken);
        Assert.Equal(TestTopology.Start.AddMinutes(1), received.LockedUntil);
        Assert.Equal(0, received.DeliveryCount);
        Assert.False(queue.TryReceive(peekLock: true, out _));

        Assert.Equal(SettleOutcome.Accepted, queue.Complete(received.LockToken));
        Assert.Equal(SettleOutcome.LockLost, queue.Complete(received.LockToken));
        Assert.Equal(0, queue.Count);
    }

    [Fact]
    public void TryReceive_ReceiveAndDelete_RemovesAtOnce()
    {
        var (broker, topic, _) = TestTopology.Create();
        using var owner = broker;
        topic.Send([TestTopology.Message("a")]);
        var queue = topic.Queue();

        Assert.True(queue.TryReceive(peekLock: false, out var received));

        Assert.Equal(Guid.Empty, received!.LockToken);
        Assert.Equal(0, queue.Count);
    }

    [Fact]
    public void Restore_ReceivedAndDeleted_MakesItReceivableAgainInPlace()
    {
        var (broker, topic, _) = TestTopology.Create();
        using var owner = broker;
        topic.Send([TestTopology.Message("a"), TestTopology.Message("b")]);
        var queue = topic.Queue();
        Assert.True(queue.TryReceive(peekLock: false, out var taken));

        queue.Restore(taken!);

        Assert.Equal(2, queue.Count);
        Assert.True(queue.TryReceive(peekLock: false, out var again));
        Assert.Equal("a", again!.Message.MessageId);
        Assert.Equal(taken!.SequenceNumber, again.SequenceNumber);
    }

    [Fact]
    public void LockExpiry_OnTheClock_UnlocksCountingADeliveryAndLosesTheLock()
    {
        var (broker, topic, clock) = TestTopology.Create();
        using var owner = broker;
        topic.Send([TestTopology.Message("a")]);
        var queue = topic.Queue();
        Assert.True(queue.TryReceive(peekLock: true, out var first));

        clock.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(SettleOutcome.LockLost, queue.Complete(first!.LockToken));
        Assert.True(queue.TryReceive(peekLock: true, out var second));
        Assert.Equal(1, second!.DeliveryCount);
        Assert.NotEqual(first.LockToken, second.LockToken);
    }

    [Fact]
    public void LockExpiry_DrivenByTheTimerAlone_WakesReceivers()
    {
        var (broker, topic, clock) = TestTopology.Create();
        using var owner = broker;
        topic.Send([TestTopology.Message("a")]);
        var queue = topic.Queue();
        Assert.True(queue.TryReceive(peekLock: true, out _));
        var wakeUps = 0;
        queue.MessagesAvailable += () => wakeUps++;

        clock.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromMilliseconds(200));

        Assert.True(wakeUps > 0);
    }

    [Fact]
    public void Abandon_UpToMaxDeliveryCount_DeadLettersWithMaxDeliveryCountExceeded()
    {
        var (broker, topic, _) = TestTopology.Create(maxDeliveryCount: 3);
        using var owner = broker;
        topic.Send([TestTopology.Message("poison")]);
        Assert.True(topic.TryGetSubscription("sub", out var subscription));

        var counts = new List<int>();
        while (subscription.Active.TryReceive(peekLock: true, out var received))
        {
            counts.Add(received!.DeliveryCount);
            Assert.Equal(SettleOutcome.Accepted, subscription.Active.Abandon(received.LockToken));
        }

        Assert.Equal([0, 1, 2], counts);
        Assert.Equal(new SubscriptionCounts(0, 1, 0), subscription.GetCounts());
        Assert.True(subscription.DeadLetter.TryReceive(peekLock: true, out var dead));
        Assert.Equal("MaxDeliveryCountExceeded", dead!.Message.ApplicationProperties["DeadLetterReason"]);
        Assert.Equal(3, dead.DeliveryCount);
    }

    [Fact]
    public void Abandon_WithPropertiesToModify_MergesThemIntoTheNextDelivery()
    {
        var (broker, topic, _) = TestTopology.Create();
        using var owner = broker;
        topic.Send([TestTopology.Message("a", properties: [("kept", 1), ("changed", "old")])]);
        var queue = topic.Queue();
        Assert.True(queue.TryReceive(peekLock: true, out var first));

        queue.Abandon(first!.LockToken, new Dictionary<string, object?> { ["changed"] = "new", ["added"] = true });

        Assert.True(queue.TryReceive(peekLock: true, out var second));
        Assert.Equal(1, second!.Message.ApplicationProperties["kept"]);
        Assert.Equal("new", second.Message.ApplicationProperties["changed"]);
        Assert.Equal(true, second.Message.ApplicationProperties["added"]);
        Assert.Equal("old", first.Message.ApplicationProperties["changed"]);
    }

    [Fact]
    public void DeadLetter_WithReasonAndDescription_MovesToTheDeadLetterQueueWithBoth()
    {
        var (broker, topic, _) = TestTopology.Create();
        using var owner = broker;
        topic.Send([TestTopology.Message("a")]);
        Assert.True(topic.TryGetSubscription("sub", out var subscription));
        Assert.True(subscription.Active.TryReceive(peekLock: true, out var received));

        Assert.Equal(SettleOutcome.Accepted, subscription.Active.DeadLetter(received!.LockToken, "Invalid", "no hhi"));

        var dead = Assert.Single(subscription.DeadLetter.Peek(0, 10));
        Assert.Equal("Invalid", dead.Message.ApplicationProperties["DeadLetterReason"]);
        Assert.Equal("no hhi", dead.Message.ApplicationProperties["DeadLetterErrorDescription"]);
        Assert.Equal(received.SequenceNumber, dead.SequenceNumber);
        Assert.Equal(0, subscription.Active.Count);
    }

    [Fact]
    public void Release_LockedMessage_UnlocksWithoutCountingADelivery()
    {
        var (broker, topic, _) = TestTopology.Create();
        using var owner = broker;
        topic.Send([TestTopology.Message("a")]);
        var queue = topic.Queue();
        Assert.True(queue.TryReceive(peekLock: true, out var first));

        Assert.Equal(SettleOutcome.Accepted, queue.Release(first!.LockToken));

        Assert.True(queue.TryReceive(peekLock: true, out var second));
        Assert.Equal(0, second!.DeliveryCount);
    }

    [Fact]
    public void RenewLock_BeforeExpiry_ExtendsFromNow()
    {
        var (broker, topic, clock) = TestTopology.Create();
        using var owner = broker;
        topic.Send([TestTopology.Message("a")]);
        var queue = topic.Queue();
        Assert.True(queue.TryReceive(peekLock: true, out var received));

        clock.Advance(TimeSpan.FromSeconds(50));
        var until = queue.RenewLock(received!.LockToken);
        clock.Advance(TimeSpan.FromSeconds(50));

        Assert.Equal(TestTopology.Start.AddSeconds(110), until);
        Assert.Equal(SettleOutcome.Accepted, queue.Complete(received.LockToken));
        Assert.Null(queue.RenewLock(received.LockToken));
    }

    [Fact]
    public void Peek_FromASequenceNumber_ReturnsWithoutLockingAndIncludesScheduled()
    {
        var (broker, topic, _) = TestTopology.Create();
        using var owner = broker;
        topic.Send([TestTopology.Message("a"), TestTopology.Message("b"), TestTopology.Message("c", scheduledAt: TestTopology.Start.AddHours(1))]);
        var queue = topic.Queue();

        var peeked = queue.Peek(2, 10);

        Assert.Equal([2L, 3L], peeked.Select(m => m.SequenceNumber));
        Assert.Equal([MessageState.Active, MessageState.Scheduled], peeked.Select(m => m.State));
        Assert.True(queue.TryReceive(peekLock: true, out var first));
        Assert.Equal(1, first!.SequenceNumber);
    }

    [Fact]
    public void MakeAvailable_OnEnqueue_RaisesMessagesAvailable()
    {
        var (broker, topic, _) = TestTopology.Create();
        using var owner = broker;
        var queue = topic.Queue();
        var wakeUps = 0;
        queue.MessagesAvailable += () => wakeUps++;

        topic.Send([TestTopology.Message("a")]);

        Assert.Equal(1, wakeUps);
    }
}
