using Alerts.Evaluate.Lifecycle;
using Alerts.Route.NotificationLog;
using Alerts.Route.Notifications;
using Alerts.Route.Routing;
using Alerts.Route.Silences;
using Alerts.Route.Subscriptions;
using Alerts.Route.Tests.Silences;
using Alerts.Route.Tests.Subscriptions;
using Alerts.TestKit.Events;

namespace Alerts.Route.Tests.Routing;

public sealed class NotificationPolicyTests
{
    private static readonly DateTimeOffset Now = TestEvents.T0;

    [Theory]
    // nothing sent before: first
    [InlineData(null, "a:a1:firing", 60, true, NotificationReasons.First, "a1")]
    // nothing sent before, resolved only: still first (the subscriber learns it cleared)
    [InlineData(null, "a:a2:resolved", 60, true, NotificationReasons.First, "a2")]
    // the same event again (redelivered breaches message)
    [InlineData("a:a1:firing", "a:a1:firing", 0, false, NotificationReasons.AlreadyNotified, "")]
    // another alert joins the group
    [InlineData("a:a1:firing", "a:a1:firing;b:b1:firing", 5, true, NotificationReasons.NewAlertsInGroup, "b1")]
    // a told alert resolves
    [InlineData("a:a1:firing", "a:a2:resolved", 5, true, NotificationReasons.Resolved, "a2")]
    // a resolved alert fires again: new
    [InlineData("a:a2:resolved", "a:a3:firing", 5, true, NotificationReasons.NewAlertsInGroup, "a3")]
    // still firing with a new event, inside the repeat interval
    [InlineData("a:a1:firing", "a:a4:firing", 59, false, NotificationReasons.AlreadyNotified, "")]
    // still firing with a new event, interval elapsed (boundary inclusive)
    [InlineData("a:a1:firing", "a:a4:firing", 60, true, NotificationReasons.RepeatIntervalElapsed, "a4")]
    // resolved again with a new event: resolved alerts are not repeated
    [InlineData("a:a2:resolved", "a:a5:resolved", 600, false, NotificationReasons.AlreadyNotified, "")]
    // new beats resolved; both are sent
    [InlineData("a:a1:firing", "a:a2:resolved;b:b1:firing", 5, true, NotificationReasons.NewAlertsInGroup, "a2,b1")]
    // resolved beats repeat; the still-firing new event rides along
    [InlineData("a:a1:firing;b:b1:firing", "a:a2:resolved;b:b2:firing", 5, true, NotificationReasons.Resolved, "a2,b2")]
    // already-sent events are not sent again alongside news
    [InlineData("a:a1:firing", "a:a1:firing;c:c1:firing", 5, true, NotificationReasons.NewAlertsInGroup, "c1")]
    // no events at all
    [InlineData("a:a1:firing", "", 5, false, NotificationReasons.AlreadyNotified, "")]
    public void Decide_LogAndEvents_GivesNamedReason(
        string? logged, string events, int minutesSinceLastSent, bool notify, string reason, string sentIds)
    {
        var entry = logged is null ? null : Entry(logged, Now.AddMinutes(-minutesSinceLastSent));

        var decision = NotificationPolicy.Decide(entry, Events(events), Now, TimeSpan.FromMinutes(60));

        Assert.Equal(notify, decision.Notify);
        Assert.Equal(reason, decision.Reason);
        Assert.Equal(sentIds.Split(',', StringSplitOptions.RemoveEmptyEntries).Order(), decision.Events.Select(e => e.EventId).Order());
    }

    [Fact]
    public void Decide_TwoEventsForOneAlertInOnePass_KeepsTheLatest()
    {
        var fired = TestEvents.Event(fingerprint: "a", eventId: "a1", occurredAt: Now.AddMinutes(-10));
        var resolved = TestEvents.Event(fingerprint: "a", eventId: "a2", state: AlertState.Resolved, occurredAt: Now.AddMinutes(-1));

        var decision = NotificationPolicy.Decide(null, [resolved, fired], Now, TimeSpan.FromHours(1));

        Assert.Equal("a2", Assert.Single(decision.Events).EventId);
    }

    [Fact]
    public void Record_AfterSending_MergesAlertsAndSetsTime()
    {
        var before = Entry("a:a1:firing;b:b1:firing", Now.AddHours(-2));
        var sent = Events("a:a2:resolved;c:c1:firing");

        var after = NotificationPolicy.Record(before, "sub-1", "all", "n-2", sent, Now);

        Assert.Equal(Now, after.LastSentAt);
        Assert.Equal("n-2", after.LastNotificationId);
        Assert.Equal(
            ["a:a2:Resolved", "b:b1:Firing", "c:c1:Firing"],
            after.Alerts.Select(a => $"{a.Fingerprint}:{a.EventId}:{a.State}"));
        Assert.Equal(NotificationReasons.AlreadyNotified, NotificationPolicy.Decide(after, sent, Now, TimeSpan.FromHours(1)).Reason);
    }

    [Fact]
    public void Decide_NoDataAlert_IsToldApartFromTheRulesAlertOfTheSameFingerprint()
    {
        var firing = TestEvents.Event(fingerprint: "a", eventId: "a1");
        var noData = NoData("a", "n1", AlertState.NoData);
        var told = NotificationPolicy.Record(null, "sub-1", "all", "n-1", [firing], Now.AddMinutes(-5));

        var missing = NotificationPolicy.Decide(told, [noData], Now, TimeSpan.FromHours(1));
        var afterMissing = NotificationPolicy.Record(told, "sub-1", "all", "n-2", missing.Events, Now);
        var stillMissing = NotificationPolicy.Decide(afterMissing, [NoData("a", "n2", AlertState.NoData)], Now.AddMinutes(59), TimeSpan.FromHours(1));
        var reminder = NotificationPolicy.Decide(afterMissing, [NoData("a", "n2", AlertState.NoData)], Now.AddMinutes(60), TimeSpan.FromHours(1));
        var back = NotificationPolicy.Decide(afterMissing, [NoData("a", "n3", AlertState.Resolved)], Now.AddMinutes(5), TimeSpan.FromHours(1));

        Assert.Equal((true, NotificationReasons.NewAlertsInGroup), (missing.Notify, missing.Reason)); // not "still firing" of alert a
        Assert.Equal(["a", "nodata:a"], afterMissing.Alerts.Select(x => x.Fingerprint));
        Assert.Equal((false, NotificationReasons.AlreadyNotified), (stillMissing.Notify, stillMissing.Reason));
        Assert.Equal((true, NotificationReasons.RepeatIntervalElapsed), (reminder.Notify, reminder.Reason));
        Assert.Equal((true, NotificationReasons.Resolved), (back.Notify, back.Reason));
    }

    [Fact]
    public void Decide_DataBackAndRuleResolvedInOnePass_BothAreSent()
    {
        var told = NotificationPolicy.Record(null, "sub-1", "all", "n-1", [TestEvents.Event(fingerprint: "a", eventId: "a1"), NoData("a", "n1", AlertState.NoData)], Now.AddMinutes(-5));

        var decision = NotificationPolicy.Decide(told, [NoData("a", "n2", AlertState.Resolved), TestEvents.Event(fingerprint: "a", eventId: "a2", state: AlertState.Resolved)], Now, TimeSpan.FromHours(1));

        Assert.Equal(NotificationReasons.Resolved, decision.Reason);
        Assert.Equal(["a2", "n2"], decision.Events.Select(e => e.EventId).Order());
    }

    private static AlertEvent NoData(string fingerprint, string eventId, AlertState state) =>
        TestEvents.Event(fingerprint: fingerprint, eventId: eventId, state: state) with { NoData = true, Since = "2024-03" };

    private static NotificationLogEntry Entry(string logged, DateTimeOffset sentAt) =>
        new("sub-1", "all", sentAt, "n-1", [.. Parse(logged).Select(x => new NotifiedAlert(x.Fp, x.Id, x.State, sentAt))]);

    private static List<AlertEvent> Events(string events) =>
        [.. Parse(events).Select(x => TestEvents.Event(fingerprint: x.Fp, eventId: x.Id, state: x.State))];

    private static IEnumerable<(string Fp, string Id, AlertState State)> Parse(string spec) =>
        spec.Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split(':'))
            .Select(p => (p[0], p[1], p[2] == "firing" ? AlertState.Firing : AlertState.Resolved));
}
