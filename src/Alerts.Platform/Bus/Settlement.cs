using Alerts.Platform.Secrets;

namespace Alerts.Platform.Bus;

/// <summary>What a handler wants done with the message it was given.</summary>
public enum SettlementKind
{
    Complete,
    Retry,
    DeadLetter,
}

/// <summary>
/// A handler's decision, independent of how the message arrived: complete it, retry it (after a delay: a
/// scheduled copy; without one: abandon, so Service Bus redelivers it and counts the delivery), or
/// dead-letter it with a reason.
/// </summary>
public sealed record Settlement
{
    private Settlement(SettlementKind kind, TimeSpan? retryAfter, string? reason, string? description)
    {
        Kind = kind;
        RetryAfter = retryAfter;
        Reason = reason;
        Description = description;
    }

    public SettlementKind Kind { get; }

    public TimeSpan? RetryAfter { get; }

    public string? Reason { get; }

    public string? Description { get; }

    public static Settlement Complete { get; } = new(SettlementKind.Complete, null, null, null);

    public static Settlement Retry(TimeSpan? after = null)
    {
        if (after < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(after), after, "A retry delay cannot be negative.");
        }

        return new Settlement(SettlementKind.Retry, after, null, null);
    }

    public static Settlement DeadLetter(string reason, string description)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return new Settlement(SettlementKind.DeadLetter, null, reason, description ?? string.Empty);
    }
}
