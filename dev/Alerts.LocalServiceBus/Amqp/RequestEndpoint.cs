using Amqp;
using Amqp.Framing;
using Amqp.Listener;
using Microsoft.Extensions.Logging;

namespace Alerts.LocalServiceBus.Amqp;

/// <summary>The client's request link ($cbs or $management): each request is answered on the link its reply-to names.</summary>
internal sealed class RequestEndpoint(IRequestHandler handler, ReplyLinks replyLinks, ILogger logger) : LinkEndpoint
{
    public override void OnMessage(MessageContext messageContext)
    {
        var request = messageContext.Message;
        var replyTo = request.Properties?.ReplyTo;
        var correlationId = request.Properties?.GetMessageId();
        var connection = messageContext.Link.Session.Connection;
        Message reply;
        try
        {
            reply = handler.Handle(request);
        }
        catch (Exception e) when (e is AmqpException or InvalidCastException or FormatException or InvalidOperationException or ArgumentException or NullReferenceException)
        {
            logger.LogWarning(e, "A request on {Address} failed", messageContext.Link.Name);
            reply = ManagementHandler.Status(400, e.Message);
        }

        messageContext.Complete();
        reply.Properties ??= new Properties();
        if (correlationId is not null)
        {
            reply.Properties.SetCorrelationId(correlationId);
        }

        if (replyLinks.TryGet(connection, replyTo, out var replyEndpoint))
        {
            replyEndpoint.Send(reply);
        }
        else
        {
            logger.LogWarning("No reply link with target {ReplyTo}; the reply is dropped", replyTo);
        }
    }

    public override void OnFlow(FlowContext flowContext)
    {
    }

    public override void OnDisposition(DispositionContext dispositionContext)
    {
    }
}
