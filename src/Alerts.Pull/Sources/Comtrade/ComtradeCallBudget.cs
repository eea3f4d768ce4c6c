namespace Alerts.Pull.Sources.Comtrade;

/// <summary>
/// Counts Comtrade calls per UTC day against the daily budget, using the injected clock; the count resets at
/// midnight UTC. Thread-safe; one instance per process (registered as a singleton).
/// </summary>
public sealed class ComtradeCallBudget(TimeProvider time, int dailyLimit)
{
    private readonly Lock _gate = new();
    private DateOnly _day;
    private int _used;

    public int DailyLimit => dailyLimit;

    /// <summary>Calls left today.</summary>
    public int Remaining
    {
        get
        {
            lock (_gate)
            {
                Roll();
                return Math.Max(0, dailyLimit - _used);
            }
        }
    }

    /// <summary>The budget's clock's current time (the client reads a date-form Retry-After against it).</summary>
    public DateTimeOffset Now => time.GetUtcNow();

    /// <summary>When the count resets (next midnight UTC).</summary>
    public DateTimeOffset ResetsAt
    {
        get
        {
            var now = time.GetUtcNow();
            return new DateTimeOffset(now.Date.AddDays(1), TimeSpan.Zero);
        }
    }

    /// <summary>Takes one call from today's budget; false when it is spent.</summary>
    public bool TryConsume()
    {
        lock (_gate)
        {
            Roll();
            if (_used >= dailyLimit)
            {
                return false;
            }

            _used++;
            return true;
        }
    }

    private void Roll()
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        if (today != _day)
        {
            _day = today;
            _used = 0;
        }
    }
}
