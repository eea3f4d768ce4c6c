using Alerts.Functions.Route;
using Alerts.Route.Notifications;
using Alerts.TestKit.Pipeline;
using Microsoft.Azure.Functions.Worker;

namespace Alerts.EndToEnd.Tests;

/// <summary>
/// A daily digest on the local stack with a fake clock: the sample pull's alerts are held, not sent; at 08:00 in
/// Brussels one card summarises what fired; the next morning one card says they are still firing.
/// </summary>
[Collection(PipelineCollection.Name)]
public sealed class DigestTests(PipelineStack p) : IClassFixture<PipelineStack>
{
    [Fact]
    public async Task SendDigests_DailyAtEightInBrussels_OneCardPerDayWithWhatFiredThenWhatStillFires()
    {
        // The clock starts at 06:00 UTC, 07:00 in Brussels: the first digest is due in an hour.
        await p.SubscribeAsync(new
        {
            channel = Channels.Teams,
            target = p.Stack.Webhooks.UrlFor("/workflows/digest").ToString(),
            delivery = new { mode = "daily", at = "08:00", timeZone = "Europe/Brussels" },
        });
        var digests = p.Function<SendDigestsFunction>();

        await p.PullAsync();
        await p.RouteAsync();
        await digests.SendDigests(new TimerInfo(), CancellationToken.None);
        await p.DeliverAsync(Channels.Teams);
        var beforeEight = p.Stack.Webhooks.Requests.Count;

        p.Clock.Advance(TimeSpan.FromMinutes(61));
        await digests.SendDigests(new TimerInfo(), CancellationToken.None);
        await digests.SendDigests(new TimerInfo(), CancellationToken.None); // a second timer run the same morning sends nothing more
        await p.DeliverAsync(Channels.Teams);
        var firstDay = p.Stack.Webhooks.Requests.Snapshot();

        p.Clock.Advance(TimeSpan.FromDays(1));
        await p.RouteAsync();
        await digests.SendDigests(new TimerInfo(), CancellationToken.None);
        await p.DeliverAsync(Channels.Teams);
        var secondDay = p.Stack.Webhooks.Requests.Snapshot();

        Assert.Equal(0, beforeEight); // the pull's alerts are held for the digest
        var card = Assert.Single(firstDay).Body;
        Assert.Contains("(digest)", card, StringComparison.Ordinal);
        Assert.Contains("daily at 08:00 Europe/Brussels", card, StringComparison.Ordinal);
        Assert.Contains("Fired (", card, StringComparison.Ordinal);
        Assert.DoesNotContain("Still firing (", card, StringComparison.Ordinal); // the ones that fired are named once
        Assert.Equal(2, secondDay.Count);
        var next = secondDay[^1].Body;
        Assert.Contains("Still firing (", next, StringComparison.Ordinal);
        Assert.DoesNotContain("Fired (", next, StringComparison.Ordinal);
    }
}
