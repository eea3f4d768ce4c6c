namespace Alerts.Platform.Bus;

/// <summary>Bounds of one <see cref="SubscriptionDrain"/> run.</summary>
public sealed class DrainOptions
{
    /// <summary>At most this many messages per run (the rest wait for the next run).</summary>
    public int MaxMessages { get; set; } = 100;

    /// <summary>Messages asked for per receive call.</summary>
    public int BatchSize { get; set; } = 10;

    /// <summary>No new receive starts after this much time; a batch already received is finished.</summary>
    public TimeSpan TimeBudget { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long one receive waits for a message; an empty receive ends the run.</summary>
    public TimeSpan ReceiveWait { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Scheduled retries of one message before it is dead-lettered (<c>MaxRetriesExceeded</c>).</summary>
    public int MaxRetries { get; set; } = 8;

    internal void Validate()
    {
        if (MaxMessages < 1 || BatchSize < 1 || TimeBudget <= TimeSpan.Zero || ReceiveWait <= TimeSpan.Zero || MaxRetries < 0)
        {
            throw new ArgumentException("DrainOptions: MaxMessages and BatchSize must be at least 1, TimeBudget and ReceiveWait positive, MaxRetries not negative.");
        }
    }
}
