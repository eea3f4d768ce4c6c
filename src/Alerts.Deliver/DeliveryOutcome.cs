using Alerts.Platform.Bus;

namespace Alerts.Deliver;

/// <summary>How a delivery attempt ended, which decides how its message is settled.</summary>
public enum DeliveryStatus
{
    /// <summary>Delivered: complete the message.</summary>
    Delivered,

    /// <summary>Transient failure (5xx, 429, timeout, SMTP 4xx): retry later, no earlier than <see cref="DeliveryOutcome.RetryAfter"/>.</summary>
    Retry,

    /// <summary>Permanent failure (404, 400, SMTP 5xx, invalid target): dead-letter with the reason.</summary>
    Permanent,

    /// <summary>
    /// Only in the delivery history: an attempt recorded before sending, whose outcome is recorded as a second row with
    /// the same attempt number. One left without an outcome means the worker stopped (or storage failed) between the
    /// send and the record: the notification may or may not have arrived. Never a notifier's outcome.
    /// </summary>
    Pending,
}

/// <param name="Detail">What happened, safe to log: never contains the target or a secret.</param>
public sealed record DeliveryOutcome(DeliveryStatus Status, string Detail, TimeSpan? RetryAfter = null)
{
    public static DeliveryOutcome Delivered(string detail = "delivered") => new(DeliveryStatus.Delivered, detail);

    public static DeliveryOutcome Retry(string detail, TimeSpan? retryAfter = null) => new(DeliveryStatus.Retry, detail, retryAfter);

    public static DeliveryOutcome Permanent(string detail) => new(DeliveryStatus.Permanent, detail);

    /// <summary>
    /// Delivered: complete; transient: retry after the notifier's delay or <paramref name="fallbackDelay"/>;
    /// permanent: dead-letter with reason <c>DeliveryFailed</c> and the (redacted) detail.
    /// </summary>
    public Settlement ToSettlement(TimeSpan? fallbackDelay = null) => Status switch
    {
        DeliveryStatus.Delivered => Settlement.Complete,
        DeliveryStatus.Retry => Settlement.Retry(RetryAfter ?? fallbackDelay),
        _ => Settlement.DeadLetter("DeliveryFailed", Detail),
    };
}
