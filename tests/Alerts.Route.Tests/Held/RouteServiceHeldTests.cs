using Alerts.Evaluate.Lifecycle;
using Alerts.Route.Routing;
using Alerts.Route.Silences;
using Alerts.TestKit.Events;
using Alerts.TestKit.Storage;

namespace Alerts.Route.Tests.Held;

/// <summary>
/// Silences and mute windows across routing runs on a fake clock: held events are released at the first run after
/// nothing mutes them, as one notification, and a resolve is never lost.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class RouteServiceHeldTests(AzuriteFixture azurite)
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    private static AlertEvent Magnets(AlertState state = AlertState.Firing, string period = "2024") =>
        TestEvents.Event(fingerprint: "fp-magnets", state: state, period: period, commodity: "85051110");

    private static AlertEvent Gallium() =>
        TestEvents.Event(fingerprint: "fp-gallium", commodity: "81129289", commodityName: "gallium");

    [Fact]
    public async Task RunAsync_SilenceStartingAndEndingBetweenRuns_MutesNothing()
    {
        await using var rig = await RoutingRig.StartAsync(azurite);
        await rig.SubscribeAsync("sub-1");
        Assert.Empty(await rig.RouteAsync(Minute));
        await rig.SilenceAsync("s-1", TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(10)); // 06:06 to 06:11, between runs

        await rig.PublishAsync(Magnets());
        var sent = await rig.RouteAsync(TimeSpan.FromMinutes(15));

        Assert.Equal(NotificationReasons.First, Assert.Single(sent).Reason);
        Assert.Equal(0, await rig.HeldCountAsync());
    }

    [Fact]
    public async Task RunAsync_SilenceEndingBetweenRuns_ReleasesTheHeldEventAtTheNextRun()
    {
        await using var rig = await RoutingRig.StartAsync(azurite);
        await rig.SubscribeAsync("sub-1");
        await rig.SilenceAsync("s-1", TimeSpan.Zero, TimeSpan.FromMinutes(10));

        await rig.PublishAsync(Magnets());
        Assert.Empty(await rig.RouteAsync(Minute));
        Assert.Equal(1, await rig.HeldCountAsync());

        var sent = await rig.RouteAsync(TimeSpan.FromMinutes(15)); // the silence ended between the runs

        var n = Assert.Single(sent);
        Assert.Equal(("fp-magnets:firing:2024", NotificationReasons.First), (Assert.Single(n.Events).EventId, n.Reason));
        Assert.Equal(0, await rig.HeldCountAsync());
        Assert.Empty(await rig.RouteAsync(TimeSpan.FromMinutes(5))); // told once
    }

    [Fact]
    public async Task RunAsync_OverlappingSilences_HeldUntilTheLastEnds()
    {
        await using var rig = await RoutingRig.StartAsync(azurite);
        await rig.SubscribeAsync("sub-1");
        await rig.SilenceAsync("s-1", TimeSpan.Zero, TimeSpan.FromHours(1));
        await rig.SilenceAsync("s-2", TimeSpan.FromMinutes(30), TimeSpan.FromHours(2), product: "8505");

        await rig.PublishAsync(Magnets());
        Assert.Empty(await rig.RouteAsync(Minute));
        Assert.Empty(await rig.RouteAsync(TimeSpan.FromMinutes(70))); // 07:11: s-1 has ended, s-2 still mutes

        var sent = await rig.RouteAsync(TimeSpan.FromMinutes(50)); // 08:01: both have ended

        Assert.Single(Assert.Single(sent).Events);
    }

    [Fact]
    public async Task RunAsync_ResolvedDuringSilence_ResolvedSentWhenItEnds()
    {
        await using var rig = await RoutingRig.StartAsync(azurite);
        await rig.SubscribeAsync("sub-1");
        await rig.PublishAsync(Magnets());
        Assert.Single(await rig.RouteAsync(Minute)); // firing told
        await rig.SilenceAsync("s-1", TimeSpan.Zero, TimeSpan.FromHours(1));

        await rig.PublishAsync(Magnets(AlertState.Resolved));
        Assert.Empty(await rig.RouteAsync(Minute));
        Assert.Empty(await rig.RouteAsync(TimeSpan.FromMinutes(30)));
        var sent = await rig.RouteAsync(TimeSpan.FromMinutes(30)); // 07:02: ended

        var n = Assert.Single(sent);
        Assert.Equal(NotificationReasons.Resolved, n.Reason);
        Assert.Equal(AlertState.Resolved, Assert.Single(n.Events).State);
    }

    [Fact]
    public async Task RunAsync_FiredAndResolvedInsideSilence_NothingSentEver()
    {
        await using var rig = await RoutingRig.StartAsync(azurite);
        await rig.SubscribeAsync("sub-1");
        await rig.SilenceAsync("s-1", TimeSpan.Zero, TimeSpan.FromHours(1));

        await rig.PublishAsync(Magnets());
        Assert.Empty(await rig.RouteAsync(Minute));
        await rig.PublishAsync(Magnets(AlertState.Resolved));
        Assert.Empty(await rig.RouteAsync(TimeSpan.FromMinutes(10)));

        Assert.Empty(await rig.RouteAsync(TimeSpan.FromHours(1)));
        Assert.Equal(0, await rig.HeldCountAsync());
    }

    [Fact]
    public async Task RunAsync_ResolvedAfterSilenceEndedButBeforeTheRun_WaitsBehindItsHeldFiring()
    {
        await using var rig = await RoutingRig.StartAsync(azurite);
        await rig.SubscribeAsync("sub-1");
        await rig.SilenceAsync("s-1", TimeSpan.Zero, TimeSpan.FromMinutes(10));
        await rig.PublishAsync(Magnets());
        Assert.Empty(await rig.RouteAsync(Minute));

        // The silence ends, then the resolve arrives, then the next run: the firing was never told, so neither is the resolve.
        await rig.PublishAsync(Magnets(AlertState.Resolved));
        Assert.Empty(await rig.RouteAsync(TimeSpan.FromMinutes(15)));
        Assert.Equal(0, await rig.HeldCountAsync());
    }

    [Fact]
    public async Task RunAsync_OwnerSilence_MutesOnlyThatOwnersSubscription()
    {
        await using var rig = await RoutingRig.StartAsync(azurite);
        await rig.SubscribeAsync("sub-alice", owner: "aad|alice");
        await rig.SubscribeAsync("sub-bob", owner: "aad|bob");
        await rig.SilenceAsync("s-1", TimeSpan.Zero, TimeSpan.FromHours(1), owner: "aad|alice");

        await rig.PublishAsync(Magnets());
        var sent = await rig.RouteAsync(Minute);

        Assert.Equal("sub-bob", Assert.Single(sent).SubscriptionId);
    }

    [Fact]
    public async Task RunAsync_MuteWindow_HeldThenReleasedAsOneNotificationWhenItEnds()
    {
        await using var rig = await RoutingRig.StartAsync(azurite);
        // 06:00-07:00 UTC every day; the clock starts at 06:00
        await rig.SubscribeAsync("sub-1", muteWindows: [new MuteWindow(null, "06:00", "07:00", "UTC")]);

        await rig.PublishAsync(Magnets(), Gallium());
        Assert.Empty(await rig.RouteAsync(Minute));
        Assert.Equal(2, await rig.HeldCountAsync());
        Assert.Empty(await rig.RouteAsync(TimeSpan.FromMinutes(30)));

        var sent = await rig.RouteAsync(TimeSpan.FromMinutes(30)); // 07:01

        var n = Assert.Single(sent); // two groups (by commodity), one notification
        Assert.Equal(["fp-gallium", "fp-magnets"], n.Events.Select(e => e.Fingerprint).Order(StringComparer.Ordinal));
        Assert.Equal(0, await rig.HeldCountAsync());

        // Both groups' logs were written: the same events again are not news.
        await rig.PublishAsync(Magnets() with { EventId = "fp-magnets:firing:2024:again" }, Gallium() with { EventId = "fp-gallium:firing:2024:again" });
        Assert.Empty(await rig.RouteAsync(Minute));
    }

    [Fact]
    public async Task RunAsync_ConfigurationSilence_MutesLikeAStoredOne()
    {
        var configured = new Silence("config-0", [new SilenceMatcher(SilenceMatcherNames.Commodity, "rare-earths")], DateTimeOffset.MinValue, DateTimeOffset.MaxValue, Source: SilenceSources.Configuration);
        await using var rig = await RoutingRig.StartAsync(azurite, [configured]);
        await rig.SubscribeAsync("sub-1");

        await rig.PublishAsync(Magnets() with { CommodityIds = ["rare-earths"] }, Gallium());
        var sent = await rig.RouteAsync(Minute);

        Assert.Equal("fp-gallium", Assert.Single(Assert.Single(sent).Events).Fingerprint);
    }
}
