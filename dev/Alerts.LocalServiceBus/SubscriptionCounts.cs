namespace Alerts.LocalServiceBus;

/// <summary>Messages held by a subscription: active (available or locked), in its dead-letter queue, and scheduled.</summary>
public readonly record struct SubscriptionCounts(int Active, int DeadLetter, int Scheduled);
