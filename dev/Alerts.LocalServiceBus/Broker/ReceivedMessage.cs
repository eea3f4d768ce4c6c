namespace Alerts.LocalServiceBus.Broker;

/// <summary>What a receiver or a peek gets: the message and its broker-stamped state at that moment.</summary>
internal sealed record ReceivedMessage(
    BrokerMessage Message,
    long SequenceNumber,
    DateTimeOffset EnqueuedTime,
    int DeliveryCount,
    Guid LockToken,
    DateTimeOffset LockedUntil,
    MessageState State);

/// <summary>The values of <c>x-opt-message-state</c>.</summary>
internal enum MessageState
{
    Active = 0,
    Deferred = 1,
    Scheduled = 2,
}
