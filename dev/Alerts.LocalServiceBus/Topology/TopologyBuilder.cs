using Alerts.LocalServiceBus.Broker;

namespace Alerts.LocalServiceBus.Topology;

/// <summary>Turns a topology definition into live broker entities.</summary>
internal static class TopologyBuilder
{
    public static BrokerNamespace Build(TopologyDefinition definition, TimeProvider time) =>
        new(definition.Topics.Select(topic => new Topic(
                topic.Name,
                topic.DuplicateDetectionWindow,
                topic.Subscriptions.Select(s => new Subscription(topic.Name, s.Name, s.LockDuration, s.MaxDeliveryCount, s.Rules, time)),
                time)),
            time);
}
