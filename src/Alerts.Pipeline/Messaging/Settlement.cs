namespace Alerts.Pipeline.Messaging;

/// <summary>What a drain handler wants done with the message it handled.</summary>
public sealed record Settlement(SettlementKind Kind, TimeSpan? RetryAfter = null, string? Reason = null, string? Description = null)
{
    public static Settlement Complete { get; } = new(SettlementKind.Complete);

    /// <summary>Try again later: no earlier than <paramref name="after"/> (null = the drain's backoff).</summary>
    public static Settlement Retry(TimeSpan? after) => new(SettlementKind.Retry, after);

    public static Settlement DeadLetter(string reason, string description) => new(SettlementKind.DeadLetter, null, reason, description);
}

public enum SettlementKind
{
    Complete,
    Retry,
    DeadLetter,
}
