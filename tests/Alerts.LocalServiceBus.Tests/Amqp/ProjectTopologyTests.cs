using Azure.Messaging.ServiceBus;

namespace Alerts.LocalServiceBus.Tests.Amqp;

/// <summary>
/// The committed topology (infra/local/servicebus/Config.json) through the real SDK: notifications reach the
/// subscription of their channel only. Needs the SQL filter (Filters/SqlFilter), hence kept apart.
/// </summary>
[Trait("Needs", "SqlFilter")]
public sealed class ProjectTopologyTests
{
    [Theory]
    // an email notification reaches the email subscription only
    [InlineData("email", 1, 0)]
    // a Teams notification reaches the teams subscription only
    [InlineData("teams", 0, 1)]
    // a channel nobody subscribed to reaches neither
    [InlineData("sms", 0, 0)]
    // no channel property: unknown, so no rule matches
    [InlineData(null, 0, 0)]
    public async Task SendMessageAsync_Notification_ReachesOnlyTheSubscriptionOfItsChannel(string? channel, int email, int teams)
    {
        await using var fx = await BrokerFixture.StartAsync(topologyPath: null);
        await using var sender = fx.Client.CreateSender("notifications");
        var message = new ServiceBusMessage($"to {channel}") { MessageId = "n-1" };
        if (channel is not null)
        {
            message.ApplicationProperties["channel"] = channel;
        }

        await sender.SendMessageAsync(message);

        Assert.Equal(email, fx.Bus.GetCounts("notifications", "email").Active);
        Assert.Equal(teams, fx.Bus.GetCounts("notifications", "teams").Active);
        if (email == 1)
        {
            await using var receiver = fx.Client.CreateReceiver("notifications", "email");
            var received = await receiver.ReceiveMessageAsync(TimeSpan.FromSeconds(5));
            Assert.Equal("to email", received.Body.ToString());
            Assert.Equal("email", received.ApplicationProperties["channel"]);
        }
    }

    [Fact]
    public async Task SendMessageAsync_Breach_ReachesTheRouter()
    {
        await using var fx = await BrokerFixture.StartAsync(topologyPath: null);
        await using var sender = fx.Client.CreateSender("breaches");

        await sender.SendMessageAsync(new ServiceBusMessage("breach") { MessageId = "b-1" });

        Assert.Equal(new SubscriptionCounts(1, 0, 0), fx.Bus.GetCounts("breaches", "router"));
    }
}
