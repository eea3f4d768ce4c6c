namespace Alerts.Platform.Bus;

/// <summary>Bounds of one <see cref="SubscriptionDrain"/> run.</summary>
public sealed class DrainOptions
{
    /// <summary>
    /// At most this many messages per run (the rest wait for the next run). Default none: a run takes messages until
    /// the subscription is empty or <see cref="TimeBudget"/> is spent, so a burst is not left to expire.
    /// </summary>
    public int? MaxMessages { get; set; }

    /// <summary>Messages asked for per receive call.</summary>
    public int BatchSize { get; set; } = 10;

    /// <summary>
    /// No new receive starts after this much time; a batch already received is finished. Default 2 minutes: well
    /// inside the 5-minute timer period and the Functions host's timeout.
    /// </summary>
    public TimeSpan TimeBudget { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How long one receive waits for a message; an empty receive ends the run.</summary>
    public TimeSpan ReceiveWait { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Scheduled retries of one message before it is dead-lettered (<c>MaxRetriesExceeded</c>).</summary>
    public int MaxRetries { get; set; } = 8;

    internal void Validate()
    {
        if (MaxMessages is < 1 || BatchSize < 1 || TimeBudget <= TimeSpan.Zero || ReceiveWait <= TimeSpan.Zero || MaxRetries < 0)
        {
            throw new ArgumentException("DrainOptions: MaxMessages (when set) and BatchSize must be at least 1, TimeBudget and ReceiveWait positive, MaxRetries not negative.");
        }
    }
}
