namespace Alerts.LocalServiceBus.Broker;

/// <summary>Remembers MessageIds seen within a window (not thread-safe: the topic's gate guards it).</summary>
internal sealed class DuplicateDetector(TimeSpan window)
{
    private readonly Dictionary<string, DateTimeOffset> _seen = new(StringComparer.Ordinal);
    private readonly Queue<(string Id, DateTimeOffset At)> _order = new();

    /// <summary>True when <paramref name="messageId"/> was seen within the window; otherwise records it.</summary>
    public bool IsDuplicate(string messageId, DateTimeOffset now)
    {
        Forget(now);
        if (_seen.ContainsKey(messageId))
        {
            return true;
        }

        _seen[messageId] = now;
        _order.Enqueue((messageId, now));
        return false;
    }

    private void Forget(DateTimeOffset now)
    {
        while (_order.TryPeek(out var oldest) && now - oldest.At >= window)
        {
            _order.Dequeue();
            _seen.Remove(oldest.Id);
        }
    }
}
