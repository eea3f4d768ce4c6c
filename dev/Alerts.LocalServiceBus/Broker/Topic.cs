namespace Alerts.LocalServiceBus.Broker;

/// <summary>A topic: numbers each message, drops duplicates within the window, and copies it to every subscription whose rules match.</summary>
internal sealed class Topic
{
    private readonly TimeProvider _time;
    private readonly DuplicateDetector? _duplicates;
    private readonly Dictionary<string, Subscription> _subscriptions;
    private readonly object _gate = new();
    private long _lastSequenceNumber;

    internal Topic(string name, TimeSpan? duplicateDetectionWindow, IEnumerable<Subscription> subscriptions, TimeProvider time)
    {
        Name = name;
        _time = time;
        _duplicates = duplicateDetectionWindow is { } window && window > TimeSpan.Zero ? new DuplicateDetector(window) : null;
        _subscriptions = subscriptions.ToDictionary(s => s.Name, StringComparer.OrdinalIgnoreCase);
    }

    public string Name { get; }

    public IReadOnlyCollection<Subscription> Subscriptions => _subscriptions.Values;

    public bool TryGetSubscription(string name, out Subscription subscription) =>
        _subscriptions.TryGetValue(name, out subscription!);

    /// <summary>
    /// Enqueues messages (those with a future <see cref="BrokerMessage.ScheduledEnqueueTime"/> as scheduled).
    /// Returns the sequence numbers given, one per message; a duplicate gets none (-1) and is not stored.
    /// </summary>
    public IReadOnlyList<long> Send(IReadOnlyList<BrokerMessage> messages)
    {
        var numbers = new long[messages.Count];
        var now = _time.GetUtcNow();
        var routed = new List<(BrokerMessage Message, long Number)>(messages.Count);
        lock (_gate)
        {
            for (var i = 0; i < messages.Count; i++)
            {
                var message = messages[i];
                if (_duplicates is not null && message.MessageId is { } id && _duplicates.IsDuplicate(id, now))
                {
                    numbers[i] = -1;
                    continue;
                }

                numbers[i] = ++_lastSequenceNumber;
                routed.Add((message, numbers[i]));
            }
        }

        foreach (var (message, number) in routed)
        {
            foreach (var subscription in _subscriptions.Values)
            {
                if (subscription.Accepts(message))
                {
                    subscription.Enqueue(message, number, now);
                }
            }
        }

        return numbers;
    }

    /// <summary>Removes a scheduled message from every subscription; false when none held it.</summary>
    public bool CancelScheduled(long sequenceNumber)
    {
        var any = false;
        foreach (var subscription in _subscriptions.Values)
        {
            any |= subscription.CancelScheduled(sequenceNumber);
        }

        return any;
    }
}
