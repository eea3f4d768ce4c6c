using Alerts.LocalServiceBus.Broker;
using Amqp;
using Amqp.Framing;
using Amqp.Types;

namespace Alerts.LocalServiceBus.Amqp;

/// <summary>
/// <c>$management</c> of one entity: peek, renew-lock and update-disposition (subscriptions and dead-letter queues), schedule and
/// cancel (topics). Replies carry camelCase <c>statusCode</c> (AMQP int) and an AMQP map body.
/// </summary>
internal sealed class ManagementHandler(Topic topic, MessageQueue? queue) : IRequestHandler
{
    public Message Handle(Message request)
    {
        var operation = request.ApplicationProperties?.Map["operation"] as string;
        var body = (request.Body as Map) ?? new Map();
        return operation switch
        {
            "com.microsoft:peek-message" when queue is not null => Peek(queue, body),
            "com.microsoft:renew-lock" when queue is not null => RenewLock(queue, body),
            "com.microsoft:update-disposition" when queue is not null => DispositionRequest.Handle(queue, body),
            "com.microsoft:schedule-message" => Schedule(body),
            "com.microsoft:cancel-scheduled-message" => Cancel(body),
            _ => Status(501, $"Operation '{operation}' is not supported on this entity by the loopback Service Bus.", "amqp:not-implemented"),
        };
    }

    public static Message Status(int code, string description, string? condition = null, Map? body = null)
    {
        var properties = new ApplicationProperties();
        properties.Map["statusCode"] = code;
        properties.Map["statusDescription"] = description;
        if (condition is not null)
        {
            properties.Map["errorCondition"] = new Symbol(condition);
        }

        return new Message { ApplicationProperties = properties, BodySection = new AmqpValue { Value = body ?? new Map() } };
    }

    private static Message Peek(MessageQueue queue, Map body)
    {
        var from = Convert.ToInt64(Get(body, "from-sequence-number") ?? 0L, System.Globalization.CultureInfo.InvariantCulture);
        var count = Convert.ToInt32(Get(body, "message-count") ?? 1, System.Globalization.CultureInfo.InvariantCulture);
        var peeked = queue.Peek(from, count);
        if (peeked.Count == 0)
        {
            return Status(204, "No messages.");
        }

        var messages = new List();
        foreach (var received in peeked)
        {
            var encoded = MessageCodec.ToAmqp(received, locked: false).Encode();
            var bytes = new byte[encoded.Length];
            Buffer.BlockCopy(encoded.Buffer, encoded.Offset, bytes, 0, encoded.Length);
            messages.Add(new Map { ["message"] = bytes });
        }

        return Status(200, "OK", body: new Map { ["messages"] = messages });
    }

    private static Message RenewLock(MessageQueue queue, Map body)
    {
        var tokens = Get(body, "lock-tokens") as Guid[] ?? [];
        var expirations = new DateTime[tokens.Length];
        for (var i = 0; i < tokens.Length; i++)
        {
            if (queue.RenewLock(tokens[i]) is not { } until)
            {
                return Status(410, "The lock supplied is invalid: it expired, or the message was already settled.", "com.microsoft:message-lock-lost");
            }

            expirations[i] = until.UtcDateTime;
        }

        return Status(200, "OK", body: new Map { ["expirations"] = expirations });
    }

    private Message Schedule(Map body)
    {
        var entries = Get(body, "messages") as List ?? [];
        var messages = new List<BrokerMessage>();
        foreach (var entry in entries)
        {
            if (entry is not Map map || Get(map, "message") is not byte[] bytes)
            {
                return Status(400, "Each scheduled message must be a map with a binary 'message'.");
            }

            messages.Add(MessageCodec.ToBroker(MessageCodec.DecodeBytes(bytes), bytes.Length));
        }

        if (messages.Any(m => m.Size > TopicSenderEndpoint.MaxMessageSize))
        {
            return Status(413, "A scheduled message exceeds the 256 KB limit.", "amqp:link:message-size-exceeded");
        }

        var numbers = topic.Send(messages);
        return Status(200, "OK", body: new Map { ["sequence-numbers"] = numbers.ToArray() });
    }

    private Message Cancel(Map body)
    {
        var numbers = Get(body, "sequence-numbers") as long[] ?? [];
        foreach (var number in numbers)
        {
            topic.CancelScheduled(number);
        }

        return Status(200, "OK");
    }

    internal static object? Get(Map map, string key)
    {
        foreach (var candidate in map.Keys)
        {
            if (string.Equals(candidate?.ToString(), key, StringComparison.Ordinal))
            {
                return map[candidate!];
            }
        }

        return null;
    }
}
