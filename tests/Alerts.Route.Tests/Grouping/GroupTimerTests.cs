using Alerts.Evaluate.Lifecycle;
using Alerts.Route.Grouping;
using Alerts.Route.Notifications;
using Alerts.Route.Routing;
using Alerts.TestKit.Events;
using Microsoft.Extensions.Time.Testing;

namespace Alerts.Route.Tests.Grouping;

/// <summary>Group wait and group interval across routing runs, on a fake clock.</summary>
public sealed class GroupTimerTests
{
    private static readonly NotificationTiming Timing = new(TimeSpan.FromMinutes(5), TimeSpan.FromHours(1));

    private readonly FakeTimeProvider clock = new(TestEvents.T0);

    private static Notification Routed(string reason, params AlertEvent[] events) =>
        new(NotificationIds.For("sub-1", events.Select(e => e.EventId)), "sub-1", Channels.Email, "a@example.eu", "all", reason, events);

    [Fact]
    public void Apply_FirstOfAGroup_WaitsGroupWaitAndLaterAlertsJoinIt()
    {
        var (held, send) = GroupTimer.Apply(null, Routed(NotificationReasons.First, TestEvents.Event(fingerprint: "a", eventId: "a1")), Timing, clock.GetUtcNow());
        clock.Advance(TimeSpan.FromMinutes(2));
        var (joined, stillHeld) = GroupTimer.Apply(held, Routed(NotificationReasons.NewAlertsInGroup, TestEvents.Event(fingerprint: "b", eventId: "b1")), Timing, clock.GetUtcNow());
        clock.Advance(TimeSpan.FromMinutes(3));
        var (flushed, sent) = GroupTimer.Flush(joined, Routed(string.Empty), clock.GetUtcNow());

        Assert.Null(send);
        Assert.Null(stillHeld);
        Assert.Equal(TestEvents.T0.AddMinutes(5), joined.DueAt); // the second alert does not push the due time back
        Assert.Equal(["a1", "b1"], sent.Events.Select(e => e.EventId).Order());
        Assert.Equal(NotificationReasons.First, sent.Reason); // the strongest reason held
        Assert.Equal(NotificationIds.For("sub-1", ["a1", "b1"]), sent.NotificationId);
        Assert.Equal((clock.GetUtcNow(), (DateTimeOffset?)null), (flushed.LastSentAt!.Value, flushed.DueAt));
        Assert.Empty(flushed.Events);
    }

    [Theory]
    // a change 10 minutes after the last send: held until the interval has passed since it
    [InlineData(10, false, 60)]
    // a change after the interval: out at once
    [InlineData(61, true, null)]
    // exactly at the interval: out at once
    [InlineData(60, true, null)]
    public void Apply_ChangeAfterASend_WaitsOutTheGroupInterval(int minutesAfterSend, bool sentNow, int? dueMinutesAfterSend)
    {
        var afterSend = new HeldGroup("sub-1", "all", [], null, null, TestEvents.T0);
        clock.Advance(TimeSpan.FromMinutes(minutesAfterSend));

        var (state, send) = GroupTimer.Apply(afterSend, Routed(NotificationReasons.Resolved, TestEvents.Event(state: AlertState.Resolved)), Timing, clock.GetUtcNow());

        Assert.Equal(sentNow, send is not null);
        Assert.Equal(dueMinutesAfterSend is { } m ? TestEvents.T0.AddMinutes(m) : null, state.DueAt);
        Assert.Equal(sentNow ? clock.GetUtcNow() : TestEvents.T0, state.LastSentAt);
    }

    [Fact]
    public void Apply_TwoEventsOfOneAlertWhileHeld_KeepsTheLatest()
    {
        var fired = TestEvents.Event(fingerprint: "a", eventId: "a1", occurredAt: clock.GetUtcNow());
        var (held, _) = GroupTimer.Apply(null, Routed(NotificationReasons.First, fired), Timing, clock.GetUtcNow());
        clock.Advance(TimeSpan.FromMinutes(1));
        var resolved = TestEvents.Event(fingerprint: "a", eventId: "a2", state: AlertState.Resolved, occurredAt: clock.GetUtcNow());

        var (both, _) = GroupTimer.Apply(held, Routed(NotificationReasons.Resolved, resolved), Timing, clock.GetUtcNow());

        Assert.Equal("a2", Assert.Single(both.Events).EventId);
    }

    [Fact]
    public void Apply_NoGroupWait_FirstGoesOutAtOnce()
    {
        var (state, send) = GroupTimer.Apply(null, Routed(NotificationReasons.First, TestEvents.Event()), Timing with { GroupWait = TimeSpan.Zero }, clock.GetUtcNow());

        Assert.NotNull(send);
        Assert.Equal(clock.GetUtcNow(), state.LastSentAt);
    }

    [Fact]
    public void Apply_DigestSubscription_AlwaysHoldsInOneGroup()
    {
        var digest = new NotificationTiming(TimeSpan.Zero, TimeSpan.Zero, new DeliverySchedule(DeliveryMode.Daily, new TimeOnly(8, 0), "Europe/Brussels"));

        var (state, send) = GroupTimer.Apply(null, Routed(NotificationReasons.First, TestEvents.Event()) with { GroupKey = "commodity:x" }, digest, clock.GetUtcNow());

        Assert.Null(send);
        Assert.Equal((HeldGroup.DigestKey, (DateTimeOffset?)null), (state.GroupKey, state.DueAt));
        Assert.Single(state.Events);
    }

    [Fact]
    public void Apply_SameNotificationHandedOverTwice_TakenInOnce_EvenAfterTheGroupWentOut()
    {
        var a = Routed(NotificationReasons.First, TestEvents.Event(fingerprint: "a", eventId: "a1"));
        var (held, _) = GroupTimer.Apply(null, a, Timing, clock.GetUtcNow());
        clock.Advance(TimeSpan.FromMinutes(5));
        var (flushed, _) = GroupTimer.Flush(held, Routed(string.Empty), clock.GetUtcNow());

        var (again, send) = GroupTimer.Apply(flushed, a, Timing, clock.GetUtcNow()); // the outbox hands it over again

        Assert.Null(send);
        Assert.Empty(again.Events);
        Assert.Null(again.DueAt);
    }

    [Fact]
    public void Flush_HeldNotificationJoined_SentSayingItWasHeldSinceTheEarliestHold()
    {
        var since = clock.GetUtcNow().AddHours(-9);
        var released = Routed(NotificationReasons.First, TestEvents.Event(fingerprint: "a", eventId: "a1")) with
        {
            Held = new HeldNote(NotificationReasons.MuteWindow, since, "mute window 22:00-07:00 UTC"),
        };
        var (held, _) = GroupTimer.Apply(null, released, Timing, clock.GetUtcNow());
        var (joined, _) = GroupTimer.Apply(held, Routed(NotificationReasons.NewAlertsInGroup, TestEvents.Event(fingerprint: "b", eventId: "b1")), Timing, clock.GetUtcNow());
        clock.Advance(TimeSpan.FromMinutes(5));

        var (flushed, sent) = GroupTimer.Flush(joined, Routed(string.Empty), clock.GetUtcNow());

        Assert.Equal(new HeldNote(NotificationReasons.MuteWindow, since, "mute window 22:00-07:00 UTC"), sent.Held);
        Assert.Null(flushed.Held);
    }
}
