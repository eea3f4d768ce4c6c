namespace Alerts.Pull.Sources.Resilience;

/// <summary>Resilience settings for one source's HttpClient (bound from <c>Sources:&lt;Source&gt;:Resilience</c>).</summary>
public sealed class SourceResilienceOptions
{
    /// <summary>One attempt; Comext answers large extractions in tens of seconds.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>All attempts and waits together.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMinutes(5);

    public int MaxRetryAttempts { get; set; } = 4;

    /// <summary>First back-off delay; later ones grow exponentially, with jitter.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Longest wait honoured from Retry-After or a "try again in N seconds" body.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(90);

    /// <summary>Requests in flight at once against the source; more wait in a queue.</summary>
    public int MaxConcurrency { get; set; } = 4;

    public int QueueLimit { get; set; } = 64;

    public double BreakerFailureRatio { get; set; } = 0.5;

    public int BreakerMinimumThroughput { get; set; } = 10;

    public TimeSpan BreakerSamplingDuration { get; set; } = TimeSpan.FromSeconds(60);

    public TimeSpan BreakerBreakDuration { get; set; } = TimeSpan.FromSeconds(30);
}
