namespace Alerts.LocalServiceBus.Broker;

/// <summary>One subscription's copy of a message and its delivery state (guarded by the subscription's gate).</summary>
internal sealed class QueuedMessage(BrokerMessage message, long sequenceNumber, DateTimeOffset enqueuedTime)
{
    public BrokerMessage Message { get; set; } = message;

    public long SequenceNumber { get; } = sequenceNumber;

    public DateTimeOffset EnqueuedTime { get; set; } = enqueuedTime;

    /// <summary>Failed delivery attempts so far (the wire header's delivery-count).</summary>
    public int DeliveryCount { get; set; }

    public Guid LockToken { get; set; }

    public DateTimeOffset LockedUntil { get; set; }

    public DateTimeOffset? ScheduledFor { get; set; }

    public ReceivedMessage Snapshot(MessageState state) =>
        new(Message, SequenceNumber, EnqueuedTime, DeliveryCount, LockToken, LockedUntil, state);
}
