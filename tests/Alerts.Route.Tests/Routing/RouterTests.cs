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

public sealed class RouterTests
{
    private static readonly DateTimeOffset Now = TestEvents.T0;

    private static readonly AlertEvent Magnets = TestEvents.Event(fingerprint: "magnets-cr1", commodity: "85051110");
    private static readonly AlertEvent MagnetsHhi = TestEvents.Event(fingerprint: "magnets-hhi", commodity: "85051110", ruleId: "hhi-2500", metric: "hhi", value: 8400, threshold: 2500);
    private static readonly AlertEvent Gallium = TestEvents.Event(fingerprint: "gallium-cr1", commodity: "81129289", commodityName: "gallium", severity: "warning", value: 0.71);

    [Fact]
    public void Route_GroupByCommodity_OneNotificationPerCommodity()
    {
        var sub = Subscription("sub-1", GroupBy.Commodity);

        var result = Router.Route([Magnets, MagnetsHhi, Gallium], [sub], [], [], Now);

        Assert.Equal(["commodity:81129289", "commodity:85051110"], result.Notifications.Select(n => n.GroupKey));
        var magnets = result.Notifications[1];
        Assert.Equal(["magnets-cr1:firing:2024", "magnets-hhi:firing:2024"], magnets.Events.Select(e => e.EventId).Order());
        Assert.Equal(NotificationReasons.First, magnets.Reason);
        Assert.Equal(NotificationIds.For("sub-1", magnets.Events.Select(e => e.EventId)), magnets.NotificationId);
        Assert.Equal((sub.Channel, sub.Target, sub.Name), (magnets.Channel, magnets.Target, magnets.SubscriptionName));
        Assert.Equal(2, result.LogUpdates.Count);
    }

    [Theory]
    // per alert
    [InlineData(GroupBy.None, 3)]
    // one digest
    [InlineData(GroupBy.All, 1)]
    // per rule: crma-65 (two events) and hhi-2500
    [InlineData(GroupBy.Rule, 2)]
    // per reporter: all are EU
    [InlineData(GroupBy.Reporter, 1)]
    public void Route_Grouping_NotificationCount(GroupBy groupBy, int expected)
    {
        var result = Router.Route([Magnets, MagnetsHhi, Gallium], [Subscription("sub-1", groupBy)], [], [], Now);

        Assert.Equal(expected, result.Notifications.Count);
        Assert.Equal(3, result.Notifications.Sum(n => n.Events.Count));
    }

    [Fact]
    public void Route_SecondPassWithLogUpdates_NotifiesNothing()
    {
        var subs = new[] { Subscription("sub-1", GroupBy.Commodity), Subscription("sub-2", GroupBy.All) };
        var first = Router.Route([Magnets, Gallium], subs, [], [], Now);

        var second = Router.Route([Magnets, Gallium], subs, [], first.LogUpdates, Now.AddMinutes(1));

        Assert.Equal(3, first.Notifications.Count);
        Assert.Empty(second.Notifications);
        Assert.Empty(second.LogUpdates);
        Assert.All(second.Decisions, d => Assert.Equal(NotificationReasons.AlreadyNotified, d.Reason));
    }

    [Fact]
    public void Route_SamePassTwice_SameNotificationIds()
    {
        var subs = new[] { Subscription("sub-1", GroupBy.Commodity) };

        var a = Router.Route([Magnets, Gallium, MagnetsHhi], subs, [], [], Now);
        var b = Router.Route([MagnetsHhi, Gallium, Magnets, Magnets], subs, [], [], Now);

        Assert.Equal(a.Notifications.Select(n => n.NotificationId), b.Notifications.Select(n => n.NotificationId));
    }

    [Fact]
    public void Route_ResolvedAfterFiring_NotifiesResolved()
    {
        var sub = Subscription("sub-1", GroupBy.Commodity);
        var first = Router.Route([Magnets], [sub], [], [], Now);
        var cleared = TestEvents.Event(fingerprint: "magnets-cr1", state: AlertState.Resolved, value: 0.6, period: "2025");

        var second = Router.Route([cleared], [sub], [], first.LogUpdates, Now.AddDays(30));

        var n = Assert.Single(second.Notifications);
        Assert.Equal(NotificationReasons.Resolved, n.Reason);
        Assert.Equal(AlertState.Resolved, Assert.Single(n.Events).State);
    }

    [Fact]
    public void Route_SilencedGroup_SkipsWithSilencedAndWritesNoLog()
    {
        var silence = new Silence("s-1", [new SilenceMatcher(SilenceMatcherNames.Product, "8505")], Now.AddHours(-1), Now.AddHours(1));

        var result = Router.Route([Magnets, MagnetsHhi, Gallium], [Subscription("sub-1", GroupBy.Commodity)], [silence], [], Now);

        var n = Assert.Single(result.Notifications);
        Assert.Equal("commodity:81129289", n.GroupKey);
        var skipped = Assert.Single(result.Decisions, d => !d.Notify);
        Assert.Equal((NotificationReasons.Silenced, "commodity:85051110"), (skipped.Reason, skipped.GroupKey));
        Assert.Single(result.LogUpdates);
    }

    [Fact]
    public void Route_ExpiredSilence_DoesNotMute()
    {
        var silence = new Silence("s-1", [new SilenceMatcher(SilenceMatcherNames.Product, "8505")], Now.AddHours(-2), Now.AddHours(-1));

        var result = Router.Route([Magnets], [Subscription("sub-1", GroupBy.Commodity)], [silence], [], Now);

        Assert.Single(result.Notifications);
    }

    [Fact]
    public void Route_FilterExcludes_NoDecisionForThatSubscription()
    {
        var galliumOnly = Subscription("sub-g", GroupBy.Commodity) with
        {
            Filter = SubscriptionFilter.Everything with { Commodities = ["81129289"], MinSeverity = Severity.Critical },
        };

        var result = Router.Route([Magnets, Gallium], [galliumOnly], [], [], Now);

        Assert.Empty(result.Notifications);
        Assert.Empty(result.Decisions);
    }

    private static Subscription Subscription(string id, GroupBy groupBy) =>
        new(id, "owner@example.com", Channels.Email, "ops@example.com", SubscriptionFilter.Everything, groupBy, TimeSpan.FromHours(24), Now.AddDays(-1), "Magnet desk");

    [Fact]
    public void Route_InhibitedFiringEvent_HeldAsInhibitedAndItsResolveIsNot()
    {
        var sub = Subscription("sub-1", GroupBy.Commodity);
        var inhibited = MagnetsHhi with { InhibitedBy = ["magnets-cr1"] };
        var resolve = MagnetsHhi with { EventId = "magnets-hhi:resolved:2024", State = AlertState.Resolved, InhibitedBy = ["magnets-cr1"] };

        var result = Router.Route([Magnets, inhibited], [sub], [], [], Now);
        var resolved = Router.Route([resolve], [sub], [], [], Now);

        Assert.Equal(["magnets-cr1:firing:2024"], Assert.Single(result.Notifications).Events.Select(e => e.EventId));
        var held = Assert.Single(result.Held ?? []);
        Assert.Equal(("sub-1", NotificationReasons.Inhibited, "magnets-hhi:firing:2024"), (held.SubscriptionId, held.Reason, Assert.Single(held.Events).EventId));
        Assert.Empty(resolved.Held ?? []); // a resolve is never inhibited
        Assert.Single(resolved.Notifications);
    }
}
