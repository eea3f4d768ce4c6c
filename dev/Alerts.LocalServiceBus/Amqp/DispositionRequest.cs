using Alerts.LocalServiceBus.Broker;
using Amqp;
using Amqp.Types;

namespace Alerts.LocalServiceBus.Amqp;

/// <summary>
/// <c>com.microsoft:update-disposition</c>: settling by lock token over <c>$management</c>. The SDK uses it when the
/// link a message arrived on is gone (its connection dropped and was re-opened), so a lock taken before a drop can
/// still be completed, abandoned or dead-lettered while it is held. Body: <c>disposition-status</c>
/// (completed, abandoned, suspended = dead-letter, defered), <c>lock-tokens</c> (uuid array), optional
/// <c>deadletter-reason</c>, <c>deadletter-description</c> and <c>properties-to-modify</c>.
/// </summary>
internal static class DispositionRequest
{
    public static Message Handle(MessageQueue queue, Map body)
    {
        var status = ManagementHandler.Get(body, "disposition-status") as string;
        var tokens = ManagementHandler.Get(body, "lock-tokens") as Guid[] ?? [];
        if (tokens.Length == 0)
        {
            return ManagementHandler.Status(400, "update-disposition needs 'lock-tokens' (an array of uuid).", "amqp:invalid-field");
        }

        var properties = MessageCodec.ToProperties(ManagementHandler.Get(body, "properties-to-modify") as Map);
        Func<Guid, SettleOutcome>? settle = status switch
        {
            "completed" => queue.Complete,
            "abandoned" => token => queue.Abandon(token, properties),
            "suspended" => token => queue.DeadLetter(
                token,
                ManagementHandler.Get(body, "deadletter-reason") as string,
                ManagementHandler.Get(body, "deadletter-description") as string,
                properties),
            _ => null,
        };

        if (settle is null)
        {
            return status == "defered"
                ? ManagementHandler.Status(501, "Deferral is not supported by the loopback Service Bus.", "amqp:not-implemented")
                : ManagementHandler.Status(400, $"Unknown 'disposition-status' '{status}': expected completed, abandoned or suspended.", "amqp:invalid-field");
        }

        foreach (var token in tokens)
        {
            if (settle(token) != SettleOutcome.Accepted)
            {
                // As Service Bus: 410 with message-lock-lost, which the SDK raises as MessageLockLost.
                return ManagementHandler.Status(410, "The lock supplied is invalid: it expired, or the message was already settled.", "com.microsoft:message-lock-lost");
            }
        }

        return ManagementHandler.Status(200, "OK");
    }
}
