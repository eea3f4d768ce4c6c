using Alerts.Evaluate.Lifecycle;
using Alerts.Pull.Statistics;
using Alerts.Route.Grouping;
using Alerts.Route.Notifications;
using Alerts.Route.Routing;
using Alerts.Route.Silences;
using Alerts.Route.Subscriptions;
using Alerts.Route.Tests.Held;
using Alerts.TestKit.Events;
using Alerts.TestKit.Storage;

namespace Alerts.Route.Tests.Digests;

/// <summary>
/// A daily digest across a silence and a mute window, on one fake clock, with the real router, digest timer, Azurite
/// tables and the loopback Service Bus: what a silence held is not in the digest (or only once released, saying so), what
/// fired before it is, and a digest due inside a mute window waits for its end.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class DigestSilenceTests(AzuriteFixture azurite)
{
    private const string Gallium = "81129289";

    private static AlertEvent Fires(RoutingRig rig, string fingerprint, string product = "85051110") =>
        TestEvents.Event(fingerprint: fingerprint, commodity: product, occurredAt: rig.Clock.GetUtcNow());

    private static AlertEvent Resolves(RoutingRig rig, string fingerprint) =>
        TestEvents.Event(fingerprint: fingerprint, state: AlertState.Resolved, occurredAt: rig.Clock.GetUtcNow());

    private static async Task<Subscription> SubscribeDailyAsync(RoutingRig rig, IReadOnlyList<MuteWindow>? muteWindows = null)
    {
        var s = new Subscription("sub-d", "aad|alice", Channels.Email, "alice@example.eu", SubscriptionFilter.Everything, GroupBy.Commodity, TimeSpan.FromHours(24), rig.Clock.GetUtcNow())
        {
            Timing = new NotificationTiming(TimeSpan.Zero, TimeSpan.Zero, new DeliverySchedule(DeliveryMode.Daily, new TimeOnly(8, 0), "UTC")),
            MuteWindows = muteWindows,
        };
        await rig.Subscriptions.CreateAsync(s.Owner, s.Id, s, CancellationToken.None);
        return s;
    }

    // The alerts table as the evaluate step would leave it.
    private static async Task RecordAsync(RoutingRig rig, string fingerprint, AlertStatus state, DateTimeOffset firedAt, string product = "85051110")
    {
        var store = new AlertStore(rig.Account);
        var current = await store.GetAsync(new SeriesKey("EU27_2020", product, TradeFlow.Import), fingerprint, CancellationToken.None);
        var record = new AlertRecord(
            fingerprint, "crma-65", "EU27_2020", product, TradeFlow.Import, Basis.Weight, "cr1", "critical", "rare-earth permanent magnets", state,
            Period.Annual(2024), 0.912, 0.65, "v1", $"{fingerprint}:{(state == AlertStatus.Resolved ? "resolved" : "firing")}:2024", firedAt,
            state == AlertStatus.Resolved ? rig.Clock.GetUtcNow() : null, new Dictionary<Period, AlertedPeriod>(), rig.Clock.GetUtcNow(), "run-1");
        await store.SaveAsync(record, current?.ETag, CancellationToken.None);
    }

    [Fact]
    public async Task Digest_AcrossASilence_CarriesWhatFiredBeforeItAndWhatItReleased_NotWhatItHeld()
    {
        await using var rig = await RoutingRig.StartAsync(azurite); // Tuesday 06:00 UTC
        await SubscribeDailyAsync(rig);

        // 06:01 A fires before any silence: held for Tuesday's digest.
        await rig.PublishAsync(Fires(rig, "fp-a"));
        Assert.Empty(await rig.RouteAsync(TimeSpan.FromMinutes(1)));
        await RecordAsync(rig, "fp-a", AlertStatus.Firing, rig.Clock.GetUtcNow());
        var tuesday = Assert.Single(await rig.DigestAsync(TimeSpan.FromMinutes(120))); // 08:01
        Assert.Equal(["fp-a:firing:2024"], tuesday.Digest!.Fired);

        // Silence s-1 from 09:00 to Wednesday 07:00 over the magnets; s-2 from 12:30 to Thursday over gallium.
        await rig.SilenceAsync("s-1", TimeSpan.FromMinutes(59), TimeSpan.FromHours(22).Add(TimeSpan.FromMinutes(59)));
        await rig.SilenceAsync("s-2", TimeSpan.FromMinutes(269), TimeSpan.FromDays(2), product: Gallium);

        // 10:01 B fires, 11:01 B resolves: both inside s-1.
        await rig.PublishAsync(Fires(rig, "fp-b"));
        Assert.Empty(await rig.RouteAsync(TimeSpan.FromHours(2)));
        await rig.PublishAsync(Resolves(rig, "fp-b"));
        Assert.Empty(await rig.RouteAsync(TimeSpan.FromHours(1)));
        await RecordAsync(rig, "fp-b", AlertStatus.Resolved, rig.Clock.GetUtcNow().AddHours(-1));

        // 12:01 C (magnets) fires inside s-1; 13:01 D (gallium) fires inside s-2.
        await rig.PublishAsync(Fires(rig, "fp-c"));
        Assert.Empty(await rig.RouteAsync(TimeSpan.FromHours(1)));
        await RecordAsync(rig, "fp-c", AlertStatus.Firing, rig.Clock.GetUtcNow());
        await rig.PublishAsync(Fires(rig, "fp-d", Gallium));
        Assert.Empty(await rig.RouteAsync(TimeSpan.FromHours(1)));
        await RecordAsync(rig, "fp-d", AlertStatus.Firing, rig.Clock.GetUtcNow(), Gallium);
        Assert.Equal(3, await rig.HeldCountAsync());

        // Wednesday 07:01: s-1 has ended. The release goes to the digest, not straight out.
        Assert.Empty(await rig.RouteAsync(TimeSpan.FromHours(18)));
        var wednesday = Assert.Single(await rig.DigestAsync(TimeSpan.FromHours(1))); // 08:01

        var d = wednesday.Digest!;
        Assert.Equal(["fp-c:firing:2024"], d.Fired);           // fired inside s-1, still firing once it ended: told, late
        Assert.Empty(d.Resolved);                              // B fired and resolved inside s-1: never told
        Assert.Equal(["fp-a:firing:2024"], d.StillFiring);     // fired before the silence and still firing
        Assert.DoesNotContain(wednesday.Events, e => e.Fingerprint is "fp-b" or "fp-d"); // D: s-2 still holds it
        Assert.Equal((NotificationReasons.Silenced, "silence s-1"), (wednesday.Held!.Reason, wednesday.Held.Detail));
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 12, 1, 0, TimeSpan.Zero), wednesday.Held.Since);
        Assert.Equal(1, await rig.HeldCountAsync()); // D
    }

    [Fact]
    public async Task Digest_DueInsideAMuteWindow_HeldUntilItEnds_ThenSaysSo()
    {
        await using var rig = await RoutingRig.StartAsync(azurite); // Tuesday 06:00 UTC
        await SubscribeDailyAsync(rig, [new MuteWindow(Start: "07:30", End: "09:00")]);
        await rig.PublishAsync(Fires(rig, "fp-a"));
        Assert.Empty(await rig.RouteAsync(TimeSpan.FromMinutes(1)));

        Assert.Empty(await rig.DigestAsync(TimeSpan.FromMinutes(120))); // 08:01: due at 08:00, inside the window
        Assert.Empty(await rig.DigestAsync(TimeSpan.FromMinutes(30)));  // 08:31: still inside

        var late = Assert.Single(await rig.DigestAsync(TimeSpan.FromMinutes(30))); // 09:01
        Assert.Equal(["fp-a:firing:2024"], late.Digest!.Fired);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero), late.Digest.To);
        Assert.Equal((NotificationReasons.MuteWindow, "mute window 07:30-09:00 UTC"), (late.Held!.Reason, late.Held.Detail));
        Assert.Empty(await rig.DigestAsync(TimeSpan.FromMinutes(30))); // sent once
    }
}
