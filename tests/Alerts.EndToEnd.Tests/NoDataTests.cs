using System.Text.Json;
using Alerts.DevStack.Replay;
using Alerts.Evaluate.Lifecycle;
using Alerts.Functions.Evaluate;
using Alerts.Functions.Route;
using Alerts.Route.Notifications;
using Alerts.TestKit.Pipeline;
using Microsoft.AspNetCore.Mvc;

namespace Alerts.EndToEnd.Tests;

/// <summary>
/// A source that keeps failing for one product, on the local stack: after three failed runs its alerts show state
/// noData, one card goes to the operators' noData subscription and none to the ordinary one; when the source answers
/// again, the operators hear the data is back.
/// </summary>
[Collection(PipelineCollection.Name)]
public sealed class NoDataTests(PipelineStack p) : IClassFixture<PipelineStack>
{
    private const string Product = "850511";

    [Fact]
    public async Task Pull_SourceFailsThreeRuns_NoDataAlertReachesOnlyTheOperatorsThenResolves()
    {
        var subscribe = p.Function<SubscriptionFunctions>();
        var forbidden = await subscribe.CreateSubscription(PipelineStack.Request("POST", "/api/subscriptions", Body("/workflows/analysts", "noData"), "analyst"), CancellationToken.None);
        Assert.IsType<CreatedResult>(await subscribe.CreateSubscription(PipelineStack.Request("POST", "/api/subscriptions", Body("/workflows/ops", "noData"), "ops", admin: true), CancellationToken.None));
        Assert.IsType<CreatedResult>(await subscribe.CreateSubscription(PipelineStack.Request("POST", "/api/subscriptions", Body("/workflows/analysts", null), "analyst"), CancellationToken.None));
        p.Stack.Webhooks.Reset(); // the test cards each new Teams subscription's webhook took
        await p.PullAsync();
        await RouteAndDeliverAsync();
        var opsAfterFirstPull = p.Stack.Webhooks.Requests.Snapshot().Count(r => r.Path == "/workflows/ops");
        p.Stack.Webhooks.Reset();

        var afterRun = new List<int>();
        for (var run = 0; run < 3; run++)
        {
            p.Clock.Advance(TimeSpan.FromDays(1));
            p.Stack.Replay.InjectFault(ReplayFault.MalformedBody(), times: 10, when: r => r.QueryValue("product") == Product);
            await p.PullAsync();
            await RouteAndDeliverAsync();
            afterRun.Add(p.Stack.Webhooks.Requests.Count);
        }

        var noData = (await ListAsync("noData")).Where(a => a.Product == Product).ToList();
        var cards = p.Stack.Webhooks.Requests.Snapshot();
        p.Stack.Replay.Reset();
        p.Clock.Advance(TimeSpan.FromDays(1));
        await p.PullAsync();
        await RouteAndDeliverAsync();
        var afterBack = p.Stack.Webhooks.Requests.Snapshot();

        Assert.Equal(403, Assert.IsType<ProblemDetails>(Assert.IsType<ObjectResult>(forbidden).Value).Status); // only operators ask for noData
        Assert.Equal(0, opsAfterFirstPull); // the sample data is complete: no series is behind
        Assert.Equal([0, 0, 1], afterRun); // nothing on the first two failures, one card on the third
        Assert.NotEmpty(noData);
        Assert.All(noData, a => Assert.Equal(("noData", Product, 3), (a.State, a.Product, a.FailedRuns)));
        var card = Assert.Single(cards);
        Assert.Equal("/workflows/ops", card.Path);
        Assert.Contains("the source failed 3 runs in a row", card.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(await ListAsync("noData"), a => a.Product == Product);
        var back = Assert.Single(afterBack.Skip(1));
        Assert.Equal("/workflows/ops", back.Path);
        Assert.Contains("data is back", back.Body, StringComparison.Ordinal);
    }

    private string Body(string path, string? state) => JsonSerializer.Serialize(new
    {
        channel = Channels.Teams,
        target = p.Stack.Webhooks.UrlFor(path).ToString(),
        groupBy = "all",
        states = state is null ? null : new[] { state },
    });

    private async Task RouteAndDeliverAsync()
    {
        await p.RouteAsync();
        await p.DeliverAsync(Channels.Teams);
    }

    private async Task<List<AlertView>> ListAsync(string state)
    {
        var request = PipelineStack.Request("GET", "/api/alerts", null, "ops");
        request.QueryString = new Microsoft.AspNetCore.Http.QueryString("?state=" + state);
        var result = await p.Function<AlertFunctions>().ListAlerts(request, CancellationToken.None);
        return Assert.IsType<List<AlertView>>(Assert.IsType<OkObjectResult>(result).Value);
    }
}
