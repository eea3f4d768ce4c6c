using Alerts.Evaluate.Lifecycle;
using Alerts.Pull.Statistics;
using Alerts.Route.Digests;
using Alerts.Route.Grouping;
using Alerts.Route.Notifications;
using Alerts.Route.Routing;
using Alerts.Route.Subscriptions;
using Alerts.TestKit.Events;

namespace Alerts.Route.Tests.Digests;

public sealed class DigestBuilderTests
{
    private static readonly DateTimeOffset Due = TestEvents.T0.AddDays(1);

    private static readonly Subscription Daily = new(
        "sub-1", "aad|ops", Channels.Email, "ops@example.eu", SubscriptionFilter.Everything, GroupBy.Commodity, TimeSpan.FromHours(24), TestEvents.T0.AddDays(-7))
    {
        Timing = new NotificationTiming(TimeSpan.Zero, TimeSpan.Zero, new DeliverySchedule(DeliveryMode.Daily, new TimeOnly(8, 0), "Europe/Brussels")),
    };

    private static AlertRecord Firing(string fingerprint, string product, AlertStatus state = AlertStatus.Firing) => new(
        fingerprint, "crma-65", "EU27_2020", product, TradeFlow.Import, Basis.Weight, "cr1", "critical", "Gallium", state,
        Period.Annual(2024), 0.8, 0.65, "v1", "e-" + fingerprint, TestEvents.T0.AddDays(-30), null, new Dictionary<Period, AlertedPeriod>(), TestEvents.T0.AddDays(-30), "run-0");

    [Fact]
    public void Build_FiredResolvedAndStillFiring_SummarisedWithTopMovers()
    {
        var held = new[]
        {
            TestEvents.Event(fingerprint: "a", eventId: "a1", value: 0.70, previousValue: 0.66), // fired, moved 0.04
            TestEvents.Event(fingerprint: "b", eventId: "b1", value: 0.90, previousValue: 0.60), // fired, moved 0.30: the top mover
            TestEvents.Event(fingerprint: "c", eventId: "c2", state: AlertState.Resolved, value: 0.50, previousValue: 0.70),
        };
        var firing = new[] { Firing("a", "85051110"), Firing("g", "81129289"), Firing("r", "280530", AlertStatus.Recovering), Firing("x", "250410", AlertStatus.Resolved) };

        var digest = DigestBuilder.Build(Daily, held, firing, TestEvents.T0, Due)!;

        var d = digest.Digest!;
        Assert.Equal((NotificationReasons.Digest, HeldGroup.DigestKey), (digest.Reason, digest.GroupKey));
        Assert.Equal(["a1", "b1"], d.Fired.Order());
        Assert.Equal(["c2"], d.Resolved);
        Assert.Equal(["e-r", "e-g"], d.StillFiring); // firing or recovering, not already named, not resolved; by commodity
        Assert.Equal(["b1", "c2", "a1"], d.TopMovers); // by movement relative to the threshold
        Assert.Equal("daily at 08:00 Europe/Brussels", d.Schedule);
        Assert.Equal((TestEvents.T0, Due), (d.From, d.To));
        Assert.Equal(6 - 1, digest.Events.Count);
        Assert.Equal(digest.NotificationId, DigestBuilder.Build(Daily, held, firing, TestEvents.T0, Due)!.NotificationId); // a re-run: same id
        Assert.NotEqual(digest.NotificationId, DigestBuilder.Build(Daily, held, firing, TestEvents.T0, Due.AddDays(1))!.NotificationId);
    }

    [Fact]
    public void Build_StillFiringOutsideTheFilter_LeftOut_AndNothingAtAll_IsNoDigest()
    {
        var galliumOnly = Daily with { Filter = SubscriptionFilter.Everything with { Commodities = ["81129289"] } };

        var digest = DigestBuilder.Build(galliumOnly, [], [Firing("a", "85051110"), Firing("g", "81129289")], TestEvents.T0, Due)!;
        var nothing = DigestBuilder.Build(galliumOnly, [], [Firing("a", "85051110")], TestEvents.T0, Due);

        Assert.Equal(["e-g"], digest.Digest!.StillFiring);
        Assert.Null(nothing);
    }
}
