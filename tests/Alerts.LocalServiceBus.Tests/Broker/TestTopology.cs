using Alerts.LocalServiceBus.Broker;
using Alerts.LocalServiceBus.Filters;
using Alerts.LocalServiceBus.Topology;
using Microsoft.Extensions.Time.Testing;

namespace Alerts.LocalServiceBus.Tests.Broker;

/// <summary>Builds broker entities on a fake clock, without sockets.</summary>
internal static class TestTopology
{
    public static readonly DateTimeOffset Start = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    public static (BrokerNamespace Broker, Topic Topic, FakeTimeProvider Clock) Create(
        TimeSpan? duplicateWindow = null,
        int maxDeliveryCount = 10,
        params (string Name, MessageFilter[] Filters)[] subscriptions)
    {
        var clock = new FakeTimeProvider(Start);
        if (subscriptions.Length == 0)
        {
            subscriptions = [("sub", [])];
        }

        var definition = new TopologyDefinition([
            new TopicDefinition("topic", duplicateWindow, [.. subscriptions.Select(s => new SubscriptionDefinition(
                s.Name,
                TimeSpan.FromMinutes(1),
                maxDeliveryCount,
                [.. s.Filters.Select((f, i) => new SubscriptionRule($"rule{i}", f))]))]),
        ]);
        var broker = TopologyBuilder.Build(definition, clock);
        Assert.True(broker.TryGetTopic("topic", out var topic));
        return (broker, topic, clock);
    }

    public static BrokerMessage Message(string? id = null, DateTimeOffset? scheduledAt = null, params (string Key, object? Value)[] properties) => new()
    {
        MessageId = id ?? Guid.NewGuid().ToString(),
        ScheduledEnqueueTime = scheduledAt,
        ApplicationProperties = properties.ToDictionary(p => p.Key, p => p.Value),
    };

    public static MessageQueue Queue(this Topic topic, string subscription = "sub")
    {
        Assert.True(topic.TryGetSubscription(subscription, out var s));
        return s.Active;
    }
}
