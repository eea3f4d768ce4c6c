using Alerts.Evaluate.Breaches;
using Alerts.Platform.Bus;
using Alerts.Route.NotificationLog;
using Alerts.Route.Notifications;
using Alerts.Route.Routing;
using Alerts.Route.Silences;
using Alerts.Route.Subscriptions;
using Alerts.TestKit.Bus;
using Alerts.TestKit.Events;
using Microsoft.Extensions.Logging.Abstractions;

namespace Alerts.Route.Tests.Notifications;

public sealed class NotificationPublisherTests
{
    [Fact]
    public async Task PublishAsync_EmailAndTeams_EachSubscriptionGetsItsChannelOnly()
    {
        await using var fx = await BusFixture.StartAsync();
        await using var publisher = new NotificationPublisher(fx.Client, NullLogger<NotificationPublisher>.Instance);
        var email = BusTestEvents.Notification("n-email", Channels.Email, BusTestEvents.Event("e-1"));
        var teams = BusTestEvents.Notification("n-teams", Channels.Teams, BusTestEvents.Event("e-1"), BusTestEvents.Event("e-2", product: "280530"));

        await publisher.PublishAsync([email, teams], CancellationToken.None);

        var mail = Assert.Single(await fx.ReceiveAllAsync(ServiceBusNames.NotificationsTopic, ServiceBusNames.EmailSubscription, 10));
        var card = Assert.Single(await fx.ReceiveAllAsync(ServiceBusNames.NotificationsTopic, ServiceBusNames.TeamsSubscription, 10));
        Assert.Equal(("n-email", "email", "fp-85051110"), (mail.MessageId, mail.ApplicationProperties["channel"], mail.CorrelationId));
        Assert.Equal(("n-teams", "teams", "crma/85051110"), (card.MessageId, card.ApplicationProperties["channel"], card.CorrelationId)); // two alerts: the group key
        var body = MessageJson.Deserialize<Notification>(card.Body);
        Assert.Equal(["e-1", "e-2"], body.Events.Select(e => e.EventId));
        Assert.Equal(teams.Target, body.Target);
        Assert.DoesNotContain(card.ApplicationProperties.Values, v => v is string s && s.Contains("example.org", StringComparison.Ordinal)); // the target stays in the body
    }

    [Fact]
    public async Task PublishAsync_TooManyEventsForOneMessage_Throws()
    {
        await using var fx = await BusFixture.StartAsync();
        await using var publisher = new NotificationPublisher(fx.Client, NullLogger<NotificationPublisher>.Instance);
        var events = Enumerable.Range(0, 400).Select(i => BusTestEvents.Event($"e-{i}", suppliers: 20)).ToArray();

        await Assert.ThrowsAsync<MessageTooLargeException>(() => publisher.PublishAsync([BusTestEvents.Notification("n-1", Channels.Email, events)], CancellationToken.None));

        Assert.Equal(0, fx.Bus.GetCounts(ServiceBusNames.NotificationsTopic, ServiceBusNames.EmailSubscription).Active);
    }
}
