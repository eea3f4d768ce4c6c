using Azure.Messaging.ServiceBus;

namespace Alerts.LocalServiceBus.Tests.Amqp;

public sealed class HandshakeTests
{
    [Fact]
    public async Task SendAndReceive_SingleMessage_RoundTrips()
    {
        await using var fx = await BrokerFixture.StartAsync();
        await using var sender = fx.Client.CreateSender("breaches");
        await sender.SendMessageAsync(new ServiceBusMessage("hello") { MessageId = "m1" });
        await using var receiver = fx.Client.CreateReceiver("breaches", "router");
        var received = await receiver.ReceiveMessageAsync(TimeSpan.FromSeconds(5));
        Assert.NotNull(received);
        Assert.Equal("hello", received.Body.ToString());
        await receiver.CompleteMessageAsync(received);
    }
}
