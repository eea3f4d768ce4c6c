using Alerts.Evaluate.Breaches;
using Alerts.Evaluate.Lifecycle;
using Alerts.Route.Notifications;
using Alerts.TestKit.Events;
using Alerts.TestKit.Pipeline;

namespace Alerts.EndToEnd.Tests;

/// <summary>
/// Group wait and group interval across routing runs on the local stack, with a fake clock: Alertmanager's
/// notification-log cases (first, new alert in group, resolved, repeat interval elapsed, nothing changed), each a card
/// or none at the Teams sink.
/// </summary>
[Collection(PipelineCollection.Name)]
public sealed class GroupTimingTests(PipelineStack p) : IClassFixture<PipelineStack>
{
    [Fact]
    public async Task Route_WithGroupWaitAndInterval_HoldsAndReleasesAcrossRuns()
    {
        await p.SubscribeAsync(new
        {
            channel = Channels.Teams,
            target = p.Stack.Webhooks.UrlFor("/workflows/grouped").ToString(),
            groupBy = "all",
            groupWait = "PT5M",
            groupInterval = "PT1H",
            repeatInterval = "PT4H",
        });
        var t0 = p.Clock.GetUtcNow();
        var cards = new List<int>();

        await PublishAsync(Event("a", "a1", "gallium"));
        await RunAsync(cards); // first: held for the group wait
        await AtAsync(t0.AddMinutes(2), Event("b", "b1", "graphite"));
        await RunAsync(cards); // a second alert joins the held group
        await AtAsync(t0.AddMinutes(5));
        await RunAsync(cards); // the wait is over: one card with both
        var first = p.Stack.Webhooks.Requests.Snapshot()[^1].Body;
        await AtAsync(t0.AddMinutes(10), Event("a", "a2", "gallium", AlertState.Resolved));
        await RunAsync(cards); // resolved: held until an hour after the last card
        await AtAsync(t0.AddMinutes(66));
        await RunAsync(cards); // the interval is over: the resolve goes out
        var resolved = p.Stack.Webhooks.Requests.Snapshot()[^1].Body;
        await AtAsync(t0.AddMinutes(70), Event("b", "b1", "graphite"));
        await RunAsync(cards); // nothing changed (the same event again): nothing held, nothing sent
        await AtAsync(t0.AddHours(3));
        await RunAsync(cards);
        await AtAsync(t0.AddHours(5), Event("b", "b2", "graphite"));
        await RunAsync(cards); // still firing after the repeat interval, past the group interval: at once
        await AtAsync(t0.AddHours(5).AddMinutes(10), Event("c", "c1", "cobalt"));
        await RunAsync(cards); // a new alert in the group: held for the interval
        await AtAsync(t0.AddHours(6).AddMinutes(1));
        await RunAsync(cards);

        Assert.Equal([0, 0, 1, 1, 2, 2, 2, 3, 3, 4], cards);
        Assert.Contains("gallium", first, StringComparison.Ordinal);
        Assert.Contains("graphite", first, StringComparison.Ordinal);
        Assert.Contains("(first notification for this subscription)", first, StringComparison.Ordinal);
        Assert.Contains("alerts resolved", resolved, StringComparison.Ordinal);
        var posts = p.Stack.Webhooks.Requests.Snapshot();
        Assert.Contains("still firing (reminder)", posts[2].Body, StringComparison.Ordinal);
        Assert.Contains("new alerts", posts[3].Body, StringComparison.Ordinal);
        Assert.Contains("cobalt", posts[3].Body, StringComparison.Ordinal);
        Assert.DoesNotContain("graphite", posts[3].Body, StringComparison.Ordinal); // only the news
    }

    private AlertEvent Event(string fingerprint, string id, string commodity, AlertState state = AlertState.Firing) =>
        TestEvents.Event(fingerprint: fingerprint, eventId: id, state: state, commodity: commodity, commodityName: commodity, occurredAt: p.Clock.GetUtcNow());

    private Task PublishAsync(params AlertEvent[] events) => p.Pipeline.Get<BreachPublisher>().PublishAsync(events, CancellationToken.None);

    private async Task AtAsync(DateTimeOffset at, params AlertEvent[] events)
    {
        p.Clock.Advance(at - p.Clock.GetUtcNow());
        if (events.Length > 0)
        {
            await PublishAsync([.. events.Select(e => e with { OccurredAt = at })]);
        }
    }

    private async Task RunAsync(List<int> cards)
    {
        await p.RouteAsync();
        await p.DeliverAsync(Channels.Teams);
        cards.Add(p.Stack.Webhooks.Requests.Count);
    }
}
