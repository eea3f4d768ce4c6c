using Alerts.Cli.Demo;
using Alerts.DevStack.Webhooks;
using Alerts.Evaluate.Breaches;
using Alerts.Platform.Bus;
using Alerts.Route.NotificationLog;
using Alerts.Route.Notifications;
using Alerts.Route.Routing;
using Alerts.Route.Silences;
using Alerts.Route.Subscriptions;
using Alerts.TestKit.Pipeline;
using Azure.Messaging.ServiceBus;

namespace Alerts.EndToEnd.Tests;

/// <summary>Shared steps: subscribe the Teams channel, pull and route, so the critical cards wait in <c>notifications/teams</c>.</summary>
public abstract class TeamsDeliveryTest(PipelineStack p)
{
    /// <summary>Critical groups in the sample data: magnets and gallium/germanium.</summary>
    protected const int Cards = 2;

    protected PipelineStack P { get; } = p;

    protected async Task QueueCardsAsync()
    {
        await P.SubscribeAsync(DemoSubscriptions.Teams(P.Stack));
        await P.PullAsync();
        await P.RouteAsync();
        Assert.Equal(Cards, P.Stack.ServiceBus.GetCounts(ServiceBusNames.NotificationsTopic, Channels.Teams).Active);
    }

    protected int Delivered => P.Stack.Webhooks.Requests.Snapshot().Count(r => r.Status is >= 200 and < 300);
}

/// <summary>A webhook answering 500 once: the card is retried after the retry delay and delivered once.</summary>
[Collection(PipelineCollection.Name)]
public sealed class TeamsServerErrorTests(PipelineStack p) : TeamsDeliveryTest(p), IClassFixture<PipelineStack>
{
    [Fact]
    public async Task Deliver_ServerErrorThenOk_DeliveredOnceAfterRetry()
    {
        await QueueCardsAsync();
        P.Stack.Webhooks.Enqueue(WebhookResponse.ServerError());

        await P.DeliverAsync(Channels.Teams);
        Assert.Equal(Cards - 1, Delivered);
        Assert.Equal(1, P.Stack.ServiceBus.GetCounts(ServiceBusNames.NotificationsTopic, Channels.Teams).Scheduled);

        P.Clock.Advance(Deliver.DeliveryService.RetryDelay + TimeSpan.FromSeconds(1));
        await P.DeliverAsync(Channels.Teams);
        await P.DeliverAsync(Channels.Teams);

        var posts = P.Stack.Webhooks.Requests.Snapshot();
        var failed = Assert.Single(posts, r => r.Status == 500);
        Assert.Equal(Cards, posts.Count(r => r.Status == 200));
        // The failed card, delivered once on retry (its chart link is signed again when it is sent, so compare without it).
        Assert.Single(posts, r => r.Status == 200 && WithoutChartSignature(r.Body) == WithoutChartSignature(failed.Body));
        var counts = P.Stack.ServiceBus.GetCounts(ServiceBusNames.NotificationsTopic, Channels.Teams);
        Assert.Equal((0, 0, 0), (counts.Active, counts.DeadLetter, counts.Scheduled));
    }

    private static string WithoutChartSignature(string body) =>
        System.Text.RegularExpressions.Regex.Replace(body, @"expires=\d+\\u0026sig=[A-Za-z0-9_-]+", "expires=*");
}

/// <summary>A webhook answering 404 (deleted workflow): dead-lettered with a reason, not retried.</summary>
[Collection(PipelineCollection.Name)]
public sealed class TeamsNotFoundTests(PipelineStack p) : TeamsDeliveryTest(p), IClassFixture<PipelineStack>
{
    [Fact]
    public async Task Deliver_NotFound_DeadLetteredWithReason()
    {
        await QueueCardsAsync();
        P.Stack.Webhooks.Enqueue(WebhookResponse.NotFound());

        await P.DeliverAsync(Channels.Teams);

        Assert.Equal(Cards - 1, Delivered);
        await using var client = new ServiceBusClient(P.Stack.ServiceBus.ConnectionString);
        await using var dlq = client.CreateReceiver(ServiceBusNames.NotificationsTopic, Channels.Teams, new ServiceBusReceiverOptions { SubQueue = SubQueue.DeadLetter });
        var dead = Assert.Single(await dlq.ReceiveMessagesAsync(10, TimeSpan.FromSeconds(2)));
        Assert.Equal("DeliveryFailed", dead.DeadLetterReason);
        Assert.Contains("404", dead.DeadLetterErrorDescription, StringComparison.Ordinal);
        Assert.DoesNotContain("/workflows/", dead.DeadLetterErrorDescription, StringComparison.Ordinal);
        Assert.Equal(Cards, P.Stack.Webhooks.Requests.Count);
    }
}

/// <summary>A webhook answering 429 with Retry-After: retried no earlier than it says.</summary>
[Collection(PipelineCollection.Name)]
public sealed class TeamsThrottledTests(PipelineStack p) : TeamsDeliveryTest(p), IClassFixture<PipelineStack>
{
    [Fact]
    public async Task Deliver_TooManyRequests_RetriedNoEarlierThanRetryAfter()
    {
        await QueueCardsAsync();
        var retryAfter = TimeSpan.FromSeconds(120);
        P.Stack.Webhooks.Enqueue(WebhookResponse.TooManyRequests(retryAfter));

        await P.DeliverAsync(Channels.Teams);
        Assert.Equal(Cards - 1, Delivered);

        P.Clock.Advance(retryAfter - TimeSpan.FromSeconds(5));
        await P.DeliverAsync(Channels.Teams);
        Assert.Equal(Cards - 1, Delivered);
        Assert.Equal(Cards, P.Stack.Webhooks.Requests.Count);

        P.Clock.Advance(TimeSpan.FromSeconds(10));
        await P.DeliverAsync(Channels.Teams);
        Assert.Equal(Cards, Delivered);
        Assert.Equal(Cards + 1, P.Stack.Webhooks.Requests.Count);
    }
}
