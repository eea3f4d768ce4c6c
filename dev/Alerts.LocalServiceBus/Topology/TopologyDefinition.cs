using Alerts.LocalServiceBus.Broker;

namespace Alerts.LocalServiceBus.Topology;

/// <summary>The entities a topology file declares.</summary>
internal sealed record TopologyDefinition(IReadOnlyList<TopicDefinition> Topics);

/// <summary>A topic; <see cref="DuplicateDetectionWindow"/> is null when duplicate detection is off.</summary>
internal sealed record TopicDefinition(string Name, TimeSpan? DuplicateDetectionWindow, IReadOnlyList<SubscriptionDefinition> Subscriptions);

/// <summary>A subscription; no rules means the <c>$Default</c> true rule.</summary>
internal sealed record SubscriptionDefinition(string Name, TimeSpan LockDuration, int MaxDeliveryCount, IReadOnlyList<SubscriptionRule> Rules);
