using Alerts.Compute.Store;
using Alerts.Deliver;
using Alerts.Deliver.Email;
using Alerts.Deliver.Endpoints;
using Alerts.Deliver.History;
using Alerts.Deliver.Teams;
using Alerts.Evaluate.Breaches;
using Alerts.Evaluate.Lifecycle;
using Alerts.Platform.Bus;
using Alerts.Platform.Secrets;
using Alerts.Platform.Storage;
using Alerts.Pull.Snapshots;
using Alerts.Pull.State;
using Alerts.Route.NotificationLog;
using Alerts.Route.Notifications;
using Alerts.Route.Routing;
using Alerts.Route.Silences;
using Alerts.Route.Subscriptions;
using Alerts.TestKit.Pipeline;
using Azure.Messaging.ServiceBus;

namespace Alerts.EndToEnd.Tests;

/// <summary>
/// A notification delivered but not settled (the worker died before completing it) comes back: the second
/// receipt is completed without posting again.
/// </summary>
[Collection(PipelineCollection.Name)]
public sealed class RedeliveryTests(PipelineStack p) : TeamsDeliveryTest(p), IClassFixture<PipelineStack>
{
    [Fact]
    public async Task Deliver_SameMessageAfterAbandon_DeliveredOnce()
    {
        await QueueCardsAsync();

        // First receipt: delivered and recorded as the delivery service does, then abandoned instead of completed.
        await using (var client = new ServiceBusClient(P.Stack.ServiceBus.ConnectionString))
        await using (var receiver = client.CreateReceiver(ServiceBusNames.NotificationsTopic, Channels.Teams))
        {
            var message = await receiver.ReceiveMessageAsync(TimeSpan.FromSeconds(5));
            Assert.NotNull(message);
            var notification = MessageJson.Deserialize<Notification>(message.Body);
            var outcome = await P.Pipeline.Get<TeamsNotifier>().SendAsync(notification, CancellationToken.None);
            Assert.Equal(DeliveryStatus.Delivered, outcome.Status);
            await P.Pipeline.Get<DeliveryHistoryStore>().RecordAsync(
                new DeliveryAttempt(notification.NotificationId, Channels.Teams, outcome.Status, outcome.Detail, P.Clock.GetUtcNow()), CancellationToken.None);
            await receiver.AbandonMessageAsync(message);
        }

        await P.DeliverAsync(Channels.Teams);

        // Distinct cards, each posted once; nothing left in the subscription.
        var posts = P.Stack.Webhooks.Requests.Snapshot();
        Assert.Equal(Cards, posts.Count);
        Assert.Equal(Cards, posts.Select(r => r.Body).Distinct().Count());
        var counts = P.Stack.ServiceBus.GetCounts(ServiceBusNames.NotificationsTopic, Channels.Teams);
        Assert.Equal((0, 0), (counts.Active, counts.DeadLetter));
    }
}
