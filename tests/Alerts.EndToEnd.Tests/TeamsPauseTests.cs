using Alerts.Cli.Demo;
using Alerts.Deliver;
using Alerts.Deliver.Rendering;
using Alerts.DevStack.Webhooks;
using Alerts.Evaluate.Breaches;
using Alerts.Functions.Route;
using Alerts.Platform.Bus;
using Alerts.Route.NotificationLog;
using Alerts.Route.Notifications;
using Alerts.Route.Routing;
using Alerts.Route.Silences;
using Alerts.Route.Subscriptions;
using Alerts.TestKit.Events;
using Alerts.TestKit.Pipeline;
using Azure.Messaging.ServiceBus;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace Alerts.EndToEnd.Tests;

/// <summary>The pipeline with a subscription paused after two consecutive permanent failures (default 3), so the two sample cards reach it.</summary>
public sealed class PausingPipelineStack : PipelineStack
{
    public const int PauseAfter = 2;

    protected override IReadOnlyDictionary<string, string?>? Settings { get; } = new Dictionary<string, string?>
    {
        ["Delivery__PauseAfterPermanentFailures"] = $"{PauseAfter}",
    };
}

/// <summary>Shared steps of the pause tests: the subscription's id, its API view, and one more card published for it.</summary>
public abstract class TeamsPauseTest(PipelineStack p) : TeamsDeliveryTest(p)
{
    protected const string WebhookPath = "/workflows/critical-raw-materials";

    private int extra;

    protected SubscriptionFunctions Api => P.Function<SubscriptionFunctions>();

    protected async Task<string> SubscriptionIdAsync()
    {
        var list = await Api.ListSubscriptions(PipelineStack.Request("GET", "/api/subscriptions", null, DemoSubscriptions.Owner), CancellationToken.None);
        return Assert.Single(Assert.IsAssignableFrom<IReadOnlyList<SubscriptionView>>(Assert.IsType<OkObjectResult>(list).Value)).Id;
    }

    protected async Task<SubscriptionView> ViewAsync(string id)
    {
        var found = await Api.GetSubscription(PipelineStack.Request("GET", $"/api/subscriptions/{id}", null, DemoSubscriptions.Owner), id, CancellationToken.None);
        return Assert.IsType<SubscriptionView>(Assert.IsType<OkObjectResult>(found).Value);
    }

    /// <summary>What the router would publish for the subscription next: one more card, with an id of its own.</summary>
    protected Task PublishCardAsync(string subscriptionId)
    {
        extra++;
        var notification = new Notification(
            $"{subscriptionId}-extra-{extra}",
            subscriptionId,
            Channels.Teams,
            P.Stack.Webhooks.UrlFor(WebhookPath).ToString(),
            "commodity/rare-earths",
            "first",
            [TestEvents.Event($"extra-{extra}")]);
        return P.Pipeline.Get<NotificationPublisher>().PublishAsync([notification], CancellationToken.None);
    }

    protected async Task<IReadOnlyList<ServiceBusReceivedMessage>> DeadLettersAsync()
    {
        await using var client = new ServiceBusClient(P.Stack.ServiceBus.ConnectionString);
        await using var dlq = client.CreateReceiver(ServiceBusNames.NotificationsTopic, Channels.Teams, new ServiceBusReceiverOptions { SubQueue = SubQueue.DeadLetter });
        return await dlq.PeekMessagesAsync(20);
    }
}

/// <summary>
/// A deleted workflow (404 on every post): after two dead-lettered cards the subscription is paused, the next card is not
/// posted but dead-lettered naming the pause, the API shows the pause without the URL; after resume cards are posted again.
/// </summary>
[Collection(PipelineCollection.Name)]
public sealed class TeamsPauseTests(PausingPipelineStack p) : TeamsPauseTest(p), IClassFixture<PausingPipelineStack>
{
    [Fact]
    public async Task Deliver_RepeatedNotFound_PausedUntilResumed()
    {
        await QueueCardsAsync();
        var id = await SubscriptionIdAsync();
        P.Stack.Webhooks.Enqueue([WebhookResponse.NotFound(), WebhookResponse.NotFound()]);

        await P.DeliverAsync(Channels.Teams);

        Assert.Equal(PausingPipelineStack.PauseAfter, P.Stack.Webhooks.Requests.Count);
        Assert.All(await DeadLettersAsync(), m => Assert.Equal("DeliveryFailed", m.DeadLetterReason));
        var paused = await ViewAsync(id);
        Assert.True(paused.Paused);
        Assert.Equal(P.Clock.GetUtcNow(), paused.PausedAt);
        Assert.Contains("2 consecutive permanent", paused.PauseReason, StringComparison.Ordinal);
        Assert.Contains("404", paused.PauseReason, StringComparison.Ordinal);
        Assert.DoesNotContain("://", paused.PauseReason, StringComparison.Ordinal);
        Assert.DoesNotContain("workflows", paused.PauseReason, StringComparison.Ordinal);

        // Paused: the next card is dead-lettered naming the pause, and the listener sees no request.
        await PublishCardAsync(id);
        await P.DeliverAsync(Channels.Teams);

        Assert.Equal(PausingPipelineStack.PauseAfter, P.Stack.Webhooks.Requests.Count);
        var skipped = Assert.Single(await DeadLettersAsync(), m => m.DeadLetterReason == DeliveryService.PausedReason);
        Assert.Contains($"subscription {id} is paused", skipped.DeadLetterErrorDescription, StringComparison.Ordinal);
        Assert.DoesNotContain("workflows", skipped.DeadLetterErrorDescription, StringComparison.Ordinal);
        var logs = P.Logs.GetSnapshot();
        Assert.Contains(logs, r => r.Level == LogLevel.Warning && r.Message.Contains($"subscription {id} on teams is paused", StringComparison.Ordinal));
        Assert.Contains(logs, r => r.Level == LogLevel.Warning && r.Message.Contains($"Subscription {id} on teams paused after 2", StringComparison.Ordinal));
        Assert.DoesNotContain(logs, r => r.Message.Contains("critical-raw-materials", StringComparison.Ordinal));

        // Someone else cannot resume it: not found, as for every other subscription route.
        var other = await Api.ResumeSubscription(PipelineStack.Request("POST", $"/api/subscriptions/{id}/resume", null, "someone-else"), id, CancellationToken.None);
        var problem = Assert.IsType<ProblemDetails>(Assert.IsType<ObjectResult>(other).Value);
        Assert.Equal(404, problem.Status);
        Assert.Contains("application/problem+json", ((ObjectResult)other).ContentTypes);
        Assert.True((await ViewAsync(id)).Paused);

        // The owner resumes it: the next card is posted and delivered.
        var resumed = await Api.ResumeSubscription(PipelineStack.Request("POST", $"/api/subscriptions/{id}/resume", null, DemoSubscriptions.Owner), id, CancellationToken.None);
        var view = Assert.IsType<SubscriptionView>(Assert.IsType<OkObjectResult>(resumed).Value);
        Assert.Equal((false, null, null), (view.Paused, view.PausedAt, view.PauseReason));

        await PublishCardAsync(id);
        await P.DeliverAsync(Channels.Teams);

        Assert.Equal(PausingPipelineStack.PauseAfter + 1, P.Stack.Webhooks.Requests.Count);
        Assert.Equal(1, Delivered);
        Assert.False((await ViewAsync(id)).Paused);
    }
}

/// <summary>Server errors and throttling never count toward the pause, and a success resets the count.</summary>
[Collection(PipelineCollection.Name)]
public sealed class TeamsTransientPauseTests(PausingPipelineStack p) : TeamsPauseTest(p), IClassFixture<PausingPipelineStack>
{
    [Fact]
    public async Task Deliver_TransientFailuresBetweenPermanentOnes_NeverPaused()
    {
        await QueueCardsAsync();
        var id = await SubscriptionIdAsync();

        // One card 404 (one failure counted), the other 500: were the 500 counted, the subscription would pause here.
        P.Stack.Webhooks.Enqueue([WebhookResponse.NotFound(), WebhookResponse.ServerError()]);
        await P.DeliverAsync(Channels.Teams);
        Assert.False((await ViewAsync(id)).Paused);

        // Its retry is posted (not paused) and throttled: still not counted.
        P.Clock.Advance(DeliveryService.RetryDelay + TimeSpan.FromSeconds(1));
        P.Stack.Webhooks.Enqueue(WebhookResponse.TooManyRequests(TimeSpan.FromSeconds(10)));
        await P.DeliverAsync(Channels.Teams);
        Assert.Equal(3, P.Stack.Webhooks.Requests.Count);
        Assert.False((await ViewAsync(id)).Paused);

        // Then delivered: the count of one 404 is reset.
        P.Clock.Advance(TimeSpan.FromSeconds(15));
        await P.DeliverAsync(Channels.Teams);
        Assert.Equal(1, Delivered);

        // So one more 404 is the first of a new run, not the second: still not paused.
        await PublishCardAsync(id);
        P.Stack.Webhooks.Enqueue(WebhookResponse.NotFound());
        await P.DeliverAsync(Channels.Teams);

        Assert.Equal(5, P.Stack.Webhooks.Requests.Count);
        Assert.Equal(2, (await DeadLettersAsync()).Count(m => m.DeadLetterReason == "DeliveryFailed"));
        Assert.False((await ViewAsync(id)).Paused);
    }
}
