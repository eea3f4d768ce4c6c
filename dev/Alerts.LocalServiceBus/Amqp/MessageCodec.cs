using Alerts.LocalServiceBus.Broker;
using Amqp;
using Amqp.Framing;
using Amqp.Types;

namespace Alerts.LocalServiceBus.Amqp;

/// <summary>Maps AMQP messages to the broker's model and back, stamping what the SDK reads on delivery.</summary>
internal static class MessageCodec
{
    /// <summary>The message-format of a send carrying several messages, each as a Data section.</summary>
    public const uint BatchFormat = 0x80013700;

    private static readonly Symbol SequenceNumber = "x-opt-sequence-number";
    private static readonly Symbol EnqueuedTime = "x-opt-enqueued-time";
    private static readonly Symbol LockedUntil = "x-opt-locked-until";
    private static readonly Symbol MessageStateKey = "x-opt-message-state";
    private static readonly Symbol ScheduledEnqueueTime = "x-opt-scheduled-enqueue-time";

    /// <summary>The messages one transfer carries, with their encoded sizes: the inner messages of a batch, or the message itself.</summary>
    public static IReadOnlyList<(Message Message, int Size)> Unpack(Message transfer, int transferSize)
    {
        if (transfer.Format != BatchFormat)
        {
            return [(transfer, transferSize)];
        }

        var inner = new List<(Message, int)>();
        switch (transfer.BodySection)
        {
            case Data data:
                inner.Add((DecodeBytes(data.Binary), data.Binary.Length));
                break;
            case DataList list:
                for (var i = 0; i < list.Count; i++)
                {
                    inner.Add((DecodeBytes(list[i].Binary), list[i].Binary.Length));
                }

                break;
            default:
                throw new AmqpException(ErrorCode.DecodeError, "A batch (message-format 0x80013700) must carry Data sections.");
        }

        return inner;
    }

    public static Message DecodeBytes(byte[] bytes) => Message.Decode(new ByteBuffer(bytes, 0, bytes.Length, bytes.Length));

    public static BrokerMessage ToBroker(Message message, int size)
    {
        var properties = message.Properties;
        var applicationProperties = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (message.ApplicationProperties is { } ap)
        {
            foreach (var key in ap.Map.Keys)
            {
                applicationProperties[key.ToString()!] = ap.Map[key];
            }
        }

        DateTimeOffset? scheduled = null;
        if (message.MessageAnnotations?.Map is { } annotations && annotations.TryGetValue(ScheduledEnqueueTime, out var at) && at is DateTime time)
        {
            scheduled = new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc));
        }

        return new BrokerMessage
        {
            MessageId = properties?.GetMessageId()?.ToString(),
            CorrelationId = properties?.GetCorrelationId()?.ToString(),
            Subject = properties?.Subject,
            To = properties?.To,
            ReplyTo = properties?.ReplyTo,
            ContentType = properties?.ContentType is { } contentType ? (string)contentType : null,
            SessionId = properties?.GroupId,
            ReplyToSessionId = properties?.ReplyToGroupId,
            ScheduledEnqueueTime = scheduled,
            ApplicationProperties = applicationProperties,
            Size = size,
            Payload = new AmqpPayload(message.Header, properties, message.MessageAnnotations?.Map, message.BodySection, message.Footer),
        };
    }

    /// <summary>The message as a receiver (or a peek) gets it.</summary>
    public static Message ToAmqp(ReceivedMessage received, bool locked)
    {
        var payload = received.Message.Payload as AmqpPayload;
        var header = new Header { DeliveryCount = (uint)received.DeliveryCount };
        if (payload?.Header is { } original)
        {
            header.Durable = original.Durable;
            header.Priority = original.Priority;
            if (original.Ttl > 0)
            {
                header.Ttl = original.Ttl;
            }
        }

        var annotations = new MessageAnnotations();
        if (payload?.ClientAnnotations is { } client)
        {
            foreach (var key in client.Keys)
            {
                annotations.Map[key] = client[key];
            }
        }

        annotations.Map[SequenceNumber] = received.SequenceNumber;
        annotations.Map[EnqueuedTime] = received.EnqueuedTime.UtcDateTime;
        annotations.Map[MessageStateKey] = (int)received.State;
        if (locked)
        {
            annotations.Map[LockedUntil] = received.LockedUntil.UtcDateTime;
        }

        var applicationProperties = new ApplicationProperties();
        foreach (var (key, value) in received.Message.ApplicationProperties)
        {
            applicationProperties.Map[key] = value;
        }

        return new Message
        {
            Header = header,
            MessageAnnotations = annotations,
            Properties = payload?.Properties,
            ApplicationProperties = applicationProperties,
            BodySection = payload?.Body,
            Footer = payload?.Footer,
        };
    }

    /// <summary>String-keyed view of an AMQP map of properties to modify (Modified annotations, Rejected info).</summary>
    public static Dictionary<string, object?> ToProperties(Map? map, params string[] except)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (map is null)
        {
            return result;
        }

        foreach (var key in map.Keys)
        {
            var name = key.ToString()!;
            if (!except.Contains(name, StringComparer.Ordinal))
            {
                result[name] = map[key];
            }
        }

        return result;
    }
}
