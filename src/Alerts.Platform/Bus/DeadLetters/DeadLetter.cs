using Alerts.Platform.Secrets;
using Azure.Messaging.ServiceBus;

namespace Alerts.Platform.Bus.DeadLetters;

/// <summary>
/// One dead-lettered message as an operator sees it: where it is, why it is there and what it was about. Never its
/// body (a notification's body holds its target, a secret), and the description is redacted.
/// </summary>
/// <param name="SubscriptionId">The alert subscription a notification was for (its application property); null on breaches.</param>
/// <param name="CorrelationId">The alert fingerprint (or group key) the message is about.</param>
public sealed record DeadLetter(
    string Topic,
    string Subscription,
    long SequenceNumber,
    string MessageId,
    string? Reason,
    string? Description,
    DateTimeOffset EnqueuedTime,
    string? SubscriptionId,
    string? CorrelationId,
    int DeliveryCount)
{
    public static DeadLetter From(DeadLetterQueue queue, ServiceBusReceivedMessage message)
    {
        ArgumentNullException.ThrowIfNull(queue);
        ArgumentNullException.ThrowIfNull(message);
        return new DeadLetter(
            queue.Topic,
            queue.Subscription,
            message.SequenceNumber,
            message.MessageId,
            message.DeadLetterReason,
            message.DeadLetterErrorDescription is { } d ? SecretRedactor.Redact(d) : null,
            message.EnqueuedTime,
            SubscriptionIdOf(message),
            message.CorrelationId,
            message.DeliveryCount);
    }

    internal static string? SubscriptionIdOf(ServiceBusReceivedMessage message) =>
        message.ApplicationProperties.TryGetValue(MessageProperties.SubscriptionId, out var s) ? s as string : null;
}
