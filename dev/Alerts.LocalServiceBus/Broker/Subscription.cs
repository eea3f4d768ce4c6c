using Alerts.LocalServiceBus.Filters;

namespace Alerts.LocalServiceBus.Broker;

/// <summary>A topic subscription: its rules, its active queue, its dead-letter queue and its scheduled messages.</summary>
internal sealed class Subscription
{
    private readonly TimeProvider _time;
    private readonly SortedDictionary<long, QueuedMessage> _scheduled = new();
    private readonly HashSet<MessageQueue> _pendingNotifications = [];

    internal Subscription(string topicName, string name, TimeSpan lockDuration, int maxDeliveryCount, IReadOnlyList<SubscriptionRule> rules, TimeProvider time)
    {
        TopicName = topicName;
        Name = name;
        LockDuration = lockDuration;
        MaxDeliveryCount = maxDeliveryCount;
        Rules = rules.Count == 0 ? [SubscriptionRule.Default] : rules;
        _time = time;
        Active = new MessageQueue(this, $"{topicName}/Subscriptions/{name}", isDeadLetterQueue: false);
        DeadLetter = new MessageQueue(this, $"{topicName}/Subscriptions/{name}/$DeadLetterQueue", isDeadLetterQueue: true);
    }

    public string TopicName { get; }

    public string Name { get; }

    public TimeSpan LockDuration { get; }

    public int MaxDeliveryCount { get; }

    public IReadOnlyList<SubscriptionRule> Rules { get; }

    public MessageQueue Active { get; }

    public MessageQueue DeadLetter { get; }

    internal object Gate { get; } = new();

    internal DateTimeOffset Now => _time.GetUtcNow();

    /// <summary>True when any rule's filter matches (OR across rules).</summary>
    public bool Accepts(IFilterableMessage message) => Rules.Any(rule => Matches(rule, message));

    private static bool Matches(SubscriptionRule rule, IFilterableMessage message)
    {
        try
        {
            return rule.Filter.Matches(message);
        }
#pragma warning disable CA1031 // A filter that fails on one message must not fail the sender's whole send; like Service Bus, it does not match.
        catch (Exception)
#pragma warning restore CA1031
        {
            return false;
        }
    }

    /// <summary>Active, dead-lettered and scheduled message counts.</summary>
    public SubscriptionCounts GetCounts()
    {
        ExpireLocksAndPromote();
        int scheduled;
        lock (Gate)
        {
            scheduled = _scheduled.Count;
        }

        return new SubscriptionCounts(Active.Count, DeadLetter.Count, scheduled);
    }

    internal void Enqueue(BrokerMessage message, long sequenceNumber, DateTimeOffset now)
    {
        lock (Gate)
        {
            var queued = new QueuedMessage(message, sequenceNumber, now);
            if (message.ScheduledEnqueueTime is { } at && at > now)
            {
                queued.ScheduledFor = at;
                _scheduled[sequenceNumber] = queued;
            }
            else
            {
                Active.MakeAvailable(queued);
            }
        }

        RaisePendingNotifications();
    }

    internal bool CancelScheduled(long sequenceNumber)
    {
        lock (Gate)
        {
            return _scheduled.Remove(sequenceNumber);
        }
    }

    internal IEnumerable<ReceivedMessage> ScheduledSnapshots() =>
        _scheduled.Values.Select(m => m.Snapshot(MessageState.Scheduled)).ToList();

    /// <summary>Expires locks and makes due scheduled messages visible, then wakes receivers.</summary>
    internal void ExpireLocksAndPromote()
    {
        var now = Now;
        lock (Gate)
        {
            Active.ExpireLocks(now);
            DeadLetter.ExpireLocks(now);
            List<QueuedMessage>? due = null;
            foreach (var message in _scheduled.Values)
            {
                if (message.ScheduledFor <= now)
                {
                    (due ??= []).Add(message);
                }
            }

            foreach (var message in due ?? [])
            {
                _scheduled.Remove(message.SequenceNumber);
                message.EnqueuedTime = message.ScheduledFor!.Value;
                message.ScheduledFor = null;
                Active.MakeAvailable(message);
            }
        }

        RaisePendingNotifications();
    }

    /// <summary>Under the gate.</summary>
    internal void MoveToDeadLetter(QueuedMessage message, string? reason, string? description)
    {
        var stamps = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (reason is not null)
        {
            stamps["DeadLetterReason"] = reason;
        }

        if (description is not null)
        {
            stamps["DeadLetterErrorDescription"] = description;
        }

        message.Message = message.Message.WithApplicationProperties(stamps);
        DeadLetter.MakeAvailable(message);
    }

    /// <summary>Under the gate: remembers to wake the queue's receivers once the gate is released.</summary>
    internal void MarkAvailable(MessageQueue queue) => _pendingNotifications.Add(queue);

    internal void RaisePendingNotifications()
    {
        MessageQueue[] queues;
        lock (Gate)
        {
            if (_pendingNotifications.Count == 0)
            {
                return;
            }

            queues = [.. _pendingNotifications];
            _pendingNotifications.Clear();
        }

        foreach (var queue in queues)
        {
            queue.NotifyAvailable();
        }
    }
}
