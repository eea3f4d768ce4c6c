namespace Alerts.Platform.Bus.DeadLetters;

/// <summary>The dead-letter sub-queue of one topic subscription of the topology (<see cref="ServiceBusNames"/>).</summary>
public sealed record DeadLetterQueue(string Topic, string Subscription)
{
    /// <summary>Every subscription of the topology, in flow order: the router's, then the channels'.</summary>
    public static IReadOnlyList<DeadLetterQueue> All { get; } =
    [
        new(ServiceBusNames.BreachesTopic, ServiceBusNames.RouterSubscription),
        new(ServiceBusNames.NotificationsTopic, ServiceBusNames.EmailSubscription),
        new(ServiceBusNames.NotificationsTopic, ServiceBusNames.TeamsSubscription),
    ];

    /// <summary>The topology's queue of that topic and subscription (names compare case-insensitively), or null.</summary>
    public static DeadLetterQueue? Find(string? topic, string? subscription) =>
        All.FirstOrDefault(q => string.Equals(q.Topic, topic, StringComparison.OrdinalIgnoreCase)
                                && string.Equals(q.Subscription, subscription, StringComparison.OrdinalIgnoreCase));

    public override string ToString() => $"{Topic}/{Subscription}";
}
