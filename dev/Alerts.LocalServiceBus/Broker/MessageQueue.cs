namespace Alerts.LocalServiceBus.Broker;

/// <summary>
/// One receivable queue: a subscription's active messages or its dead-letter queue. Owns the available
/// messages and the lock table (keyed by lock token); every member runs under the subscription's gate.
/// </summary>
internal sealed class MessageQueue
{
    private readonly Subscription _owner;
    private readonly SortedDictionary<long, QueuedMessage> _available = new();
    private readonly Dictionary<Guid, QueuedMessage> _locked = new();

    internal MessageQueue(Subscription owner, string path, bool isDeadLetterQueue)
    {
        _owner = owner;
        Path = path;
        IsDeadLetterQueue = isDeadLetterQueue;
    }

    /// <summary>Raised (outside any lock) when messages may have become available to receive.</summary>
    public event Action? MessagesAvailable;

    /// <summary>Entity path, e.g. <c>notifications/Subscriptions/email/$DeadLetterQueue</c>.</summary>
    public string Path { get; }

    public bool IsDeadLetterQueue { get; }

    public Subscription Subscription => _owner;

    /// <summary>Messages held, available or locked.</summary>
    public int Count
    {
        get
        {
            lock (_owner.Gate)
            {
                return _available.Count + _locked.Count;
            }
        }
    }

    /// <summary>Takes the next message: locked for <see cref="Subscription.LockDuration"/> (peek-lock) or removed (receive-and-delete).</summary>
    public bool TryReceive(bool peekLock, out ReceivedMessage? received)
    {
        _owner.ExpireLocksAndPromote();
        lock (_owner.Gate)
        {
            received = null;
            using var next = _available.GetEnumerator();
            if (!next.MoveNext())
            {
                return false;
            }

            var message = next.Current.Value;
            _available.Remove(message.SequenceNumber);
            if (peekLock)
            {
                message.LockToken = Guid.NewGuid();
                message.LockedUntil = _owner.Now + _owner.LockDuration;
                _locked[message.LockToken] = message;
            }
            else
            {
                message.LockToken = Guid.Empty;
                message.LockedUntil = default;
            }

            received = message.Snapshot(MessageState.Active);
            return true;
        }
    }

    /// <summary>Removes a locked message.</summary>
    public SettleOutcome Complete(Guid lockToken) => Settle(lockToken, _ => { });

    /// <summary>Unlocks and counts a delivery; at the max delivery count the message is dead-lettered.</summary>
    public SettleOutcome Abandon(Guid lockToken, IReadOnlyDictionary<string, object?>? propertiesToModify = null)
    {
        var outcome = Settle(lockToken, message =>
        {
            if (propertiesToModify is { Count: > 0 })
            {
                message.Message = message.Message.WithApplicationProperties(propertiesToModify);
            }

            CountFailedDelivery(message);
        });
        return outcome;
    }

    /// <summary>Moves a locked message to the dead-letter queue with a reason and a description.</summary>
    public SettleOutcome DeadLetter(Guid lockToken, string? reason, string? description, IReadOnlyDictionary<string, object?>? propertiesToModify = null)
    {
        return Settle(lockToken, message =>
        {
            if (propertiesToModify is { Count: > 0 })
            {
                message.Message = message.Message.WithApplicationProperties(propertiesToModify);
            }

            if (IsDeadLetterQueue)
            {
                // Dead-lettering from the dead-letter queue is refused by Service Bus; keeping the message is the safe reading.
                MakeAvailable(message);
                return;
            }

            _owner.MoveToDeadLetter(message, reason, description);
        });
    }

    /// <summary>Unlocks without counting a delivery (the client released a message it never handed out).</summary>
    public SettleOutcome Release(Guid lockToken) => Settle(lockToken, MakeAvailable);

    /// <summary>Puts back a message taken by receive-and-delete whose transfer never left (its link was closing).</summary>
    public void Restore(ReceivedMessage received)
    {
        lock (_owner.Gate)
        {
            MakeAvailable(new QueuedMessage(received.Message, received.SequenceNumber, received.EnqueuedTime) { DeliveryCount = received.DeliveryCount });
        }

        _owner.RaisePendingNotifications();
    }

    /// <summary>Extends a lock; null when the lock is gone.</summary>
    public DateTimeOffset? RenewLock(Guid lockToken)
    {
        _owner.ExpireLocksAndPromote();
        lock (_owner.Gate)
        {
            if (!_locked.TryGetValue(lockToken, out var message))
            {
                return null;
            }

            message.LockedUntil = _owner.Now + _owner.LockDuration;
            return message.LockedUntil;
        }
    }

    /// <summary>Messages from a sequence number on, without locking them (available, locked and, for the active queue, scheduled).</summary>
    public IReadOnlyList<ReceivedMessage> Peek(long fromSequenceNumber, int maxCount)
    {
        _owner.ExpireLocksAndPromote();
        lock (_owner.Gate)
        {
            var all = _available.Values.Select(m => m.Snapshot(MessageState.Active))
                .Concat(_locked.Values.Select(m => m.Snapshot(MessageState.Active)));
            if (!IsDeadLetterQueue)
            {
                all = all.Concat(_owner.ScheduledSnapshots());
            }

            return all.Where(m => m.SequenceNumber >= fromSequenceNumber)
                .OrderBy(m => m.SequenceNumber)
                .Take(Math.Max(0, maxCount))
                .ToList();
        }
    }

    internal void NotifyAvailable() => MessagesAvailable?.Invoke();

    /// <summary>Under the gate: puts a message at its place in sequence order.</summary>
    internal void MakeAvailable(QueuedMessage message)
    {
        message.LockToken = Guid.Empty;
        message.LockedUntil = default;
        _available[message.SequenceNumber] = message;
        _owner.MarkAvailable(this);
    }

    /// <summary>Under the gate: unlocks locks that ran out, counting a delivery for each; true when any did.</summary>
    internal void ExpireLocks(DateTimeOffset now)
    {
        List<QueuedMessage>? expired = null;
        foreach (var message in _locked.Values)
        {
            if (message.LockedUntil <= now)
            {
                (expired ??= []).Add(message);
            }
        }

        foreach (var message in expired ?? [])
        {
            _locked.Remove(message.LockToken);
            CountFailedDelivery(message);
        }
    }

    private void CountFailedDelivery(QueuedMessage message)
    {
        message.DeliveryCount++;
        if (!IsDeadLetterQueue && message.DeliveryCount >= _owner.MaxDeliveryCount)
        {
            _owner.MoveToDeadLetter(
                message,
                "MaxDeliveryCountExceeded",
                $"Message could not be consumed after {_owner.MaxDeliveryCount} delivery attempts.");
            return;
        }

        MakeAvailable(message);
    }

    private SettleOutcome Settle(Guid lockToken, Action<QueuedMessage> then)
    {
        _owner.ExpireLocksAndPromote();
        bool settled;
        lock (_owner.Gate)
        {
            settled = _locked.Remove(lockToken, out var message);
            if (settled)
            {
                then(message!);
            }
        }

        _owner.RaisePendingNotifications();
        return settled ? SettleOutcome.Accepted : SettleOutcome.LockLost;
    }
}
