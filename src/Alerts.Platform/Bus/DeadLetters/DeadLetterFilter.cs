using Azure.Messaging.ServiceBus;

namespace Alerts.Platform.Bus.DeadLetters;

/// <summary>Which dead letters an operation takes: every given criterion must hold; none given = all of the queue.</summary>
/// <param name="Reason">The dead-letter reason, e.g. <c>DeliveryFailed</c> (case-insensitive).</param>
/// <param name="SubscriptionId">The alert subscription a notification was for.</param>
public sealed record DeadLetterFilter(long? SequenceNumber = null, string? MessageId = null, string? Reason = null, string? SubscriptionId = null)
{
    public static DeadLetterFilter None { get; } = new();

    public bool Matches(ServiceBusReceivedMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return (SequenceNumber is not { } n || message.SequenceNumber == n)
               && (MessageId is null || string.Equals(message.MessageId, MessageId, StringComparison.Ordinal))
               && (Reason is null || string.Equals(message.DeadLetterReason, Reason, StringComparison.OrdinalIgnoreCase))
               && (SubscriptionId is null || string.Equals(DeadLetter.SubscriptionIdOf(message), SubscriptionId, StringComparison.Ordinal));
    }
}
