namespace Alerts.LocalServiceBus.Broker;

/// <summary>
/// The broker's entities and its clock. A periodic timer on the injected <see cref="TimeProvider"/> expires
/// locks and releases scheduled messages, so a fake clock moved forward has the same effect as waiting.
/// </summary>
internal sealed class BrokerNamespace : IDisposable
{
    private static readonly TimeSpan TickPeriod = TimeSpan.FromMilliseconds(100);
    private readonly Dictionary<string, Topic> _topics;
    private readonly ITimer _timer;

    public BrokerNamespace(IEnumerable<Topic> topics, TimeProvider time)
    {
        _topics = topics.ToDictionary(t => t.Name, StringComparer.OrdinalIgnoreCase);
        Time = time;
        _timer = time.CreateTimer(_ => TickSafely(), null, TickPeriod, TickPeriod);
    }

    public TimeProvider Time { get; }

    public IReadOnlyCollection<Topic> Topics => _topics.Values;

    public bool TryGetTopic(string name, out Topic topic) => _topics.TryGetValue(name, out topic!);

    /// <summary>The queue a receiver address names, if it exists.</summary>
    public bool TryGetQueue(EntityPath path, out MessageQueue queue)
    {
        queue = null!;
        if (path.Subscription is null || !TryGetTopic(path.Topic, out var topic) || !topic.TryGetSubscription(path.Subscription, out var subscription))
        {
            return false;
        }

        queue = path.DeadLetter ? subscription.DeadLetter : subscription.Active;
        return true;
    }

    public SubscriptionCounts GetCounts(string topic, string subscription)
    {
        if (!TryGetTopic(topic, out var t) || !t.TryGetSubscription(subscription, out var s))
        {
            throw new ArgumentException($"No subscription '{subscription}' on topic '{topic}'.", nameof(subscription));
        }

        return s.GetCounts();
    }

    /// <summary>Expires locks and releases due scheduled messages everywhere.</summary>
    public void Tick()
    {
        foreach (var topic in _topics.Values)
        {
            foreach (var subscription in topic.Subscriptions)
            {
                subscription.ExpireLocksAndPromote();
            }
        }
    }

    public void Dispose() => _timer.Dispose();

    private void TickSafely()
    {
        try
        {
            Tick();
        }
#pragma warning disable CA1031 // A timer callback that throws takes the whole process down; the next tick retries.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }
}
