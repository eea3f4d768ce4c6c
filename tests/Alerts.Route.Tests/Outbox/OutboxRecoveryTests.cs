using Alerts.Evaluate.Lifecycle;
using Alerts.Route.NotificationLog;
using Alerts.Route.Notifications;
using Alerts.Route.Outbox;
using Alerts.Route.Routing;
using Alerts.Route.Tests.Held;
using Alerts.TestKit.Events;
using Alerts.TestKit.Storage;

namespace Alerts.Route.Tests.Outbox;

/// <summary>
/// Issue 14 (b): the router publishes, then the notification log write fails (injected into the real Azurite table
/// client). The events come back regrouped with a new one; the pending notification is handed on under its own id and
/// logged first, so the sink never gets those events a second time under another id.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class OutboxRecoveryTests(AzuriteFixture azurite)
{
    private static AlertEvent Fires(string fingerprint) => TestEvents.Event(fingerprint: fingerprint);

    [Fact]
    public async Task RunAsync_LogWriteFailsAfterPublish_EventsRegrouped_NoSecondNotificationForThem()
    {
        var policy = new FailingLogWritePolicy("notificationlog", failWrite: 1);
        await using var rig = await RoutingRig.StartAsync(azurite, policy);
        await rig.SubscribeAsync("sub-1");
        await rig.PublishAsync(Fires("fp-a"), Fires("fp-b"));
        policy.OnFail = () => rig.PublishAsync(Fires("fp-c")); // arrives while the log write fails: joins the redelivery

        var sent = await rig.RouteAsync(TimeSpan.FromMinutes(1));
        sent = [.. sent, .. await rig.RouteAsync(TimeSpan.FromMinutes(1))];

        Assert.Equal(1, policy.Failed);
        var first = NotificationIds.For("sub-1", ["fp-a:firing:2024", "fp-b:firing:2024"]);
        Assert.Single(sent, n => n.NotificationId == first);
        Assert.Single(sent, n => n.Events.Any(e => e.Fingerprint == "fp-a"));  // told once, under its first id
        Assert.Single(sent, n => n.Events.Any(e => e.Fingerprint == "fp-b"));
        Assert.Equal(["fp-c:firing:2024"], Assert.Single(sent, n => n.NotificationId != first).Events.Select(e => e.EventId));
        await foreach (var pending in rig.Outbox.ListAsync(CancellationToken.None))
        {
            Assert.Fail($"outbox entry {pending.Notification.NotificationId} left behind");
        }

        var log = await new NotificationLogStore(rig.Account).GetAsync<NotificationLogEntry>("sub-1", GroupKeys.For(GroupBy.Commodity, Fires("fp-a")), CancellationToken.None);
        Assert.Equal(["fp-a", "fp-b", "fp-c"], log!.Value.Alerts.Select(a => a.Fingerprint));
    }

    [Fact]
    public async Task RecoverAsync_EntryLeftByACrashedRun_HandedOnUnderItsIdAndLogged_Once()
    {
        await using var rig = await RoutingRig.StartAsync(azurite);
        var s = await rig.SubscribeAsync("sub-1");
        var a = Fires("fp-a");
        var id = NotificationIds.For(s.Id, [a.EventId]);
        var key = GroupKeys.For(s.GroupBy, a);
        var notification = new Notification(id, s.Id, s.Channel, s.Target, key, NotificationReasons.First, [a]);
        var update = NotificationPolicy.Record(null, s.Id, key, id, [a], rig.Clock.GetUtcNow());

        // The crashed run wrote its intent and published, then stopped before the log.
        await rig.Outbox.WriteAsync(new OutboxEntry(notification, [update], rig.Clock.GetUtcNow()), CancellationToken.None);
        await rig.Notifications.PublishAsync([notification], CancellationToken.None);
        await rig.PublishAsync(a, Fires("fp-b")); // its event comes back, in a batch with a new one

        var sent = await rig.RouteAsync(TimeSpan.FromMinutes(1));

        // The re-publish is a duplicate the bus drops; the event is not told again under the id of a new grouping.
        Assert.Equal(2, sent.Count);
        Assert.Single(sent, n => n.NotificationId == id);
        Assert.Equal(["fp-b:firing:2024"], Assert.Single(sent, n => n.NotificationId != id).Events.Select(e => e.EventId));
        Assert.Empty(await rig.RouteAsync(TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public void Merge_UpdateAlreadyStored_ChangesNothing_NewerStoredAlertWins()
    {
        var t = TestEvents.T0;
        var stored = new NotificationLogEntry("s", "g", t.AddMinutes(5), "n2", [new NotifiedAlert("a", "a:resolved", AlertState.Resolved, t.AddMinutes(5))]);
        var update = new NotificationLogEntry("s", "g", t, "n1", [new NotifiedAlert("a", "a:firing", AlertState.Firing, t), new NotifiedAlert("b", "b:firing", AlertState.Firing, t)]);

        var merged = NotificationOutbox.Merge(stored, update);

        Assert.Equal(("n2", t.AddMinutes(5)), (merged.LastNotificationId, merged.LastSentAt));
        Assert.Equal(["a:resolved", "b:firing"], merged.Alerts.Select(x => x.EventId));
        Assert.Equal(merged.Alerts, NotificationOutbox.Merge(merged, update).Alerts);
    }
}
