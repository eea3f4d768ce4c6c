using Azure.Messaging.ServiceBus;

namespace Alerts.Platform.Bus;

/// <summary>Checks messages against the 256 KB limit of Service Bus Standard before anything is sent.</summary>
public static class MessageSizeGuard
{
    public const int MaxMessageBytes = 256 * 1024;

    /// <summary>Room kept for AMQP headers, system properties and annotations.</summary>
    public const int HeaderAllowance = 8 * 1024;

    /// <exception cref="MessageTooLargeException">The body and properties leave no room for headers.</exception>
    public static void Check(ServiceBusMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var size = message.Body.ToMemory().Length
            + message.ApplicationProperties.Sum(p => p.Key.Length + (p.Value?.ToString()?.Length ?? 0) + 8);
        if (size > MaxMessageBytes - HeaderAllowance)
        {
            throw new MessageTooLargeException(
                $"Message {message.MessageId} ({message.Subject}) is about {size} bytes; at most {MaxMessageBytes - HeaderAllowance} fit in a 256 KB Service Bus message with its headers.");
        }
    }
}
