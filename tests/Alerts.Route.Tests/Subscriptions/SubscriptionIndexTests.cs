using Alerts.Evaluate.Lifecycle;
using Alerts.Route.Notifications;
using Alerts.Route.Routing;
using Alerts.Route.Subscriptions;
using Alerts.TestKit.Events;

namespace Alerts.Route.Tests.Subscriptions;

public sealed class SubscriptionIndexTests
{
    // Every way a filter names a commodity that SubscriptionMatcher knows, and some that match nothing.
    private static readonly string[] Wanted =
    [
        "85051110", "8505", "8 5", "8505 11 10", "8505.11.10", " 85051110 ", "850511101", "2805", "rare-earths", "RARE-EARTHS",
        "graphite", "graphite/ore", "Graphite/Ore", " graphite ", "gallium", "", " ", "x",
    ];

    private static readonly AlertEvent[] Events =
    [
        TestEvents.Event(fingerprint: "a", commodity: "85051110"),
        TestEvents.Event(fingerprint: "b", commodity: "28053010", reporter: "DE"),
        TestEvents.Event(fingerprint: "c", commodity: "graphite/ore"),
        TestEvents.Event(fingerprint: "d", commodity: "25041000") with { CommodityIds = ["graphite"] },
        TestEvents.Event(fingerprint: "e", commodity: "85051110") with { CommodityIds = ["rare-earths"] },
        TestEvents.Event(fingerprint: "f", commodity: "Graphite/Ore", severity: "warning"),
        TestEvents.Event(fingerprint: "g", commodity: "8505 11 10"),
    ];

    [Fact]
    public void Match_EveryFilterShape_SameAsTestingEveryPair()
    {
        var subscriptions = Wanted
            .Select((w, i) => (w, i))
            .SelectMany(x => new[]
            {
                Subscription($"s{x.i}", [x.w]),
                Subscription($"t{x.i}", [x.w, "gallium"], reporters: ["DE"]),
                Subscription($"u{x.i}", [x.w], severity: Severity.Critical),
            })
            .Append(Subscription("everything", []))
            .ToList();

        var matched = SubscriptionIndex.Match(subscriptions, Events);

        foreach (var s in subscriptions)
        {
            var expected = Events.Where(e => SubscriptionMatcher.Matches(s, e)).Select(e => e.Fingerprint).ToList();
            Assert.Equal(expected, matched.TryGetValue(s, out var found) ? found.Select(e => e.Fingerprint).ToList() : []);
        }

        Assert.Equal(Events.Length, matched[subscriptions[^1]].Count);
    }

    private static Subscription Subscription(string id, IReadOnlyList<string> commodities, IReadOnlyList<string>? reporters = null, Severity severity = Severity.Info) =>
        new(id, "owner", Channels.Email, "a@example.eu", new SubscriptionFilter(commodities, reporters ?? [], [], severity, []), GroupBy.Commodity, TimeSpan.FromHours(1), TestEvents.T0);
}
