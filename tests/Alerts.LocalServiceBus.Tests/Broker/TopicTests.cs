using Alerts.LocalServiceBus.Broker;
using Alerts.LocalServiceBus.Filters;

namespace Alerts.LocalServiceBus.Tests.Broker;

public sealed class TopicTests
{
    [Fact]
    public void Send_RulesPerSubscription_CopiesToEverySubscriptionWithAMatchingRule()
    {
        var (broker, topic, _) = TestTopology.Create(subscriptions: [
            ("no-rules", []),                                          // $Default: everything
            ("false-only", [MessageFilter.False]),                     // nothing matches
            ("false-or-true", [MessageFilter.False, MessageFilter.True]), // OR across rules
        ]);
        using var owner = broker;

        topic.Send([TestTopology.Message("a")]);

        Assert.Equal(1, topic.Queue("no-rules").Count);
        Assert.Equal(0, topic.Queue("false-only").Count);
        Assert.Equal(1, topic.Queue("false-or-true").Count);
        Assert.True(topic.TryGetSubscription("no-rules", out var s));
        Assert.Equal("$Default", Assert.Single(s.Rules).Name);
    }

    [Fact]
    public void Send_FilterThatThrows_DoesNotMatchAndOtherSubscriptionsStillGetTheMessage()
    {
        var (broker, topic, _) = TestTopology.Create(subscriptions: [("failing", [new ThrowingFilter()]), ("all", [])]);
        using var owner = broker;

        var numbers = topic.Send([TestTopology.Message("a")]);

        Assert.Equal([1L], numbers);
        Assert.Equal(0, topic.Queue("failing").Count);
        Assert.Equal(1, topic.Queue("all").Count);
    }

    [Fact]
    public void Send_SeveralMessages_NumbersThemInOrderSharedAcrossSubscriptions()
    {
        var (broker, topic, _) = TestTopology.Create(subscriptions: [("one", []), ("two", [])]);
        using var owner = broker;

        var numbers = topic.Send([TestTopology.Message("a"), TestTopology.Message("b")]);

        Assert.Equal([1L, 2L], numbers);
        Assert.Equal([1L, 2L], topic.Queue("two").Peek(0, 10).Select(m => m.SequenceNumber));
    }

    [Fact]
    public void Send_RepeatedMessageIdWithinWindow_IsDroppedAndAcceptedAgainAfterIt()
    {
        var (broker, topic, clock) = TestTopology.Create(duplicateWindow: TimeSpan.FromMinutes(10));
        using var owner = broker;

        Assert.Equal([1L], topic.Send([TestTopology.Message("same")]));
        clock.Advance(TimeSpan.FromMinutes(9));
        Assert.Equal([-1L, 2L], topic.Send([TestTopology.Message("same"), TestTopology.Message("other")]));
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal([3L], topic.Send([TestTopology.Message("same")]));

        Assert.Equal(3, topic.Queue().Count);
    }

    [Fact]
    public void Send_WithoutDuplicateDetection_KeepsRepeatedIds()
    {
        var (broker, topic, _) = TestTopology.Create(duplicateWindow: null);
        using var owner = broker;

        topic.Send([TestTopology.Message("same"), TestTopology.Message("same")]);

        Assert.Equal(2, topic.Queue().Count);
    }

    [Fact]
    public void Send_FutureScheduledEnqueueTime_HoldsTheMessageUntilThen()
    {
        var (broker, topic, clock) = TestTopology.Create();
        using var owner = broker;
        var at = TestTopology.Start.AddMinutes(30);

        topic.Send([TestTopology.Message("later", scheduledAt: at)]);

        Assert.True(topic.TryGetSubscription("sub", out var subscription));
        Assert.Equal(new SubscriptionCounts(0, 0, 1), subscription.GetCounts());
        Assert.False(subscription.Active.TryReceive(peekLock: true, out _));
        clock.Advance(TimeSpan.FromMinutes(30));
        Assert.True(subscription.Active.TryReceive(peekLock: true, out var received));
        Assert.Equal("later", received!.Message.MessageId);
        Assert.Equal(at, received.EnqueuedTime);
    }

    [Fact]
    public void CancelScheduled_ScheduledMessage_RemovesItFromEverySubscription()
    {
        var (broker, topic, clock) = TestTopology.Create(subscriptions: [("one", []), ("two", [])]);
        using var owner = broker;
        var number = topic.Send([TestTopology.Message("later", scheduledAt: TestTopology.Start.AddMinutes(5))])[0];

        Assert.True(topic.CancelScheduled(number));
        clock.Advance(TimeSpan.FromMinutes(10));

        Assert.False(topic.CancelScheduled(number));
        Assert.Equal(0, topic.Queue("one").Count);
        Assert.Equal(0, topic.Queue("two").Count);
    }

    /// <summary>Stands in for a filter that fails at evaluation (a real filter hitting a type it cannot compare).</summary>
    private sealed class ThrowingFilter : MessageFilter
    {
        public override bool Matches(IFilterableMessage message) => throw new InvalidOperationException("cannot compare");
    }
}
