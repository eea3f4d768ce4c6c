using Alerts.LocalServiceBus.Broker;

namespace Alerts.LocalServiceBus.Tests.Broker;

public sealed class EntityPathTests
{
    [Theory]
    // sender to a topic, as the SDK writes it
    [InlineData("/breaches", "breaches", null, false, false)]
    // receiver from a subscription; case-insensitive keywords
    [InlineData("/breaches/subscriptions/router", "breaches", "router", false, false)]
    // dead-letter receiver
    [InlineData("/breaches/Subscriptions/router/$DeadLetterQueue", "breaches", "router", true, false)]
    // management of a subscription, no leading slash
    [InlineData("breaches/Subscriptions/router/$management", "breaches", "router", false, true)]
    // management of a dead-letter queue
    [InlineData("breaches/Subscriptions/router/$deadletterqueue/$management", "breaches", "router", true, true)]
    // management of a topic (scheduling)
    [InlineData("breaches/$management", "breaches", null, false, true)]
    // a full address
    [InlineData("amqp://127.0.0.1:5672/breaches/Subscriptions/router", "breaches", "router", false, false)]
    public void TryParse_KnownShapes_Parses(string address, string topic, string? subscription, bool deadLetter, bool management)
    {
        Assert.True(EntityPath.TryParse(address, out var path));
        Assert.Equal(new EntityPath(topic, subscription, deadLetter, management), path);
    }

    [Theory]
    // empty
    [InlineData("")]
    // not the Subscriptions keyword
    [InlineData("breaches/queues/router")]
    // a dead-letter queue of a topic
    [InlineData("breaches/$DeadLetterQueue")]
    // too deep
    [InlineData("a/Subscriptions/b/c")]
    public void TryParse_OtherShapes_Fails(string address) => Assert.False(EntityPath.TryParse(address, out _));
}
