using Alerts.LocalServiceBus.Broker;
using Amqp;
using Amqp.Framing;
using Amqp.Listener;
using Microsoft.Extensions.Logging;

namespace Alerts.LocalServiceBus.Amqp;

/// <summary>A client's sender link to a topic: each transfer (a message or a batch) is enqueued, then settled Accepted.</summary>
internal sealed class TopicSenderEndpoint(Topic topic, ILogger logger) : LinkEndpoint
{
    /// <summary>The limit Service Bus standard tier and the emulator enforce, advertised in the attach reply.</summary>
    public const int MaxMessageSize = 256 * 1024;

    public override void OnMessage(MessageContext messageContext)
    {
        try
        {
            var transfer = messageContext.Message;
            var size = transfer.Encode().Length;
            if (size > MaxMessageSize)
            {
                messageContext.Complete(new Error(new global::Amqp.Types.Symbol("amqp:link:message-size-exceeded"))
                {
                    Description = $"The message is {size} bytes; the limit is {MaxMessageSize} bytes.",
                });
                return;
            }

            var messages = MessageCodec.Unpack(transfer, size)
                .Select(inner => MessageCodec.ToBroker(inner.Message, inner.Size))
                .ToList();
            topic.Send(messages);
            messageContext.Complete();
        }
        catch (Exception e) when (e is AmqpException or InvalidCastException or FormatException or InvalidOperationException)
        {
            logger.LogWarning(e, "Refused a message sent to topic {Topic}", topic.Name);
            messageContext.Complete(new Error(ErrorCode.DecodeError) { Description = e.Message });
        }
    }

    public override void OnFlow(FlowContext flowContext)
    {
    }

    public override void OnDisposition(DispositionContext dispositionContext)
    {
    }
}
