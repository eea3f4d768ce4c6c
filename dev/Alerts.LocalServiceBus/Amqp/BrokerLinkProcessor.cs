using Alerts.LocalServiceBus.Broker;
using Amqp;
using Amqp.Framing;
using Amqp.Listener;
using Amqp.Types;
using Microsoft.Extensions.Logging;

namespace Alerts.LocalServiceBus.Amqp;

/// <summary>Decides what each attached link is: CBS, management, a topic sender, a subscription receiver, or not found.</summary>
internal sealed class BrokerLinkProcessor(BrokerNamespace broker, ILogger logger) : ILinkProcessor
{
    private const uint InitialSenderCredit = 1000;
    private readonly ReplyLinks _replyLinks = new();
    private readonly CbsHandler _cbs = new();

    public void Process(AttachContext attachContext)
    {
        var attach = attachContext.Attach;
        var link = attachContext.Link;
        attach.MaxMessageSize = TopicSenderEndpoint.MaxMessageSize;

        // attach.Role is the client's role: true = the client receives, so the broker sends.
        var clientReceives = attach.Role;
        var address = clientReceives ? (attach.Source as Source)?.Address : (attach.Target as Target)?.Address;
        var isCbs = string.Equals(address?.TrimStart('/'), "$cbs", StringComparison.OrdinalIgnoreCase);

        if (clientReceives && (isCbs || IsManagement(address)))
        {
            if (!isCbs && !TryResolveManagement(address, out _, out _))
            {
                Refuse(attachContext, address);
                return;
            }

            AttachReplyLink(attachContext, (attach.Target as Target)?.Address);
            return;
        }

        if (!clientReceives && isCbs)
        {
            attachContext.Complete(new RequestEndpoint(_cbs, _replyLinks, logger), (int)InitialSenderCredit);
            return;
        }

        if (!clientReceives && IsManagement(address))
        {
            if (!TryResolveManagement(address, out var topic, out var queue))
            {
                Refuse(attachContext, address);
                return;
            }

            attachContext.Complete(new RequestEndpoint(new ManagementHandler(topic, queue), _replyLinks, logger), (int)InitialSenderCredit);
            return;
        }

        if (!EntityPath.TryParse(address, out var path))
        {
            Refuse(attachContext, address);
            return;
        }

        if (!clientReceives)
        {
            if (path.Subscription is not null || !broker.TryGetTopic(path.Topic, out var topic))
            {
                Refuse(attachContext, address);
                return;
            }

            logger.LogDebug("Sender attached to topic {Topic}", topic.Name);
            attachContext.Complete(new TopicSenderEndpoint(topic, logger), (int)InitialSenderCredit);
            return;
        }

        if (!broker.TryGetQueue(path, out var messageQueue))
        {
            Refuse(attachContext, address);
            return;
        }

        // ReceiveAndDelete: the client asks for settled transfers; PeekLock: unsettled, settled by its disposition.
        var peekLock = attach.SndSettleMode != SenderSettleMode.Settled;
        logger.LogDebug("Receiver attached to {Entity} (peek-lock {PeekLock})", messageQueue.Path, peekLock);
        attachContext.Complete(new QueueReceiverEndpoint(messageQueue, link, peekLock, logger), 0);
    }

    private void AttachReplyLink(AttachContext attachContext, string? replyAddress)
    {
        var link = attachContext.Link;
        var endpoint = new ReplyEndpoint(link);
        var connection = link.Session.Connection;
        if (replyAddress is not null)
        {
            _replyLinks.Add(connection, replyAddress, endpoint);
            link.AddClosedCallback((_, _) => _replyLinks.Remove(connection, replyAddress, endpoint));
        }

        attachContext.Complete(endpoint, 0);
    }

    private static bool IsManagement(string? address) =>
        address is not null && address.TrimEnd('/').EndsWith("$management", StringComparison.OrdinalIgnoreCase);

    private bool TryResolveManagement(string? address, out Topic topic, out MessageQueue? queue)
    {
        topic = null!;
        queue = null;
        if (!EntityPath.TryParse(address, out var path) || !broker.TryGetTopic(path.Topic, out topic))
        {
            return false;
        }

        if (path.Subscription is null)
        {
            return true;
        }

        if (!broker.TryGetQueue(path, out var found))
        {
            return false;
        }

        queue = found;
        return true;
    }

    private void Refuse(AttachContext attachContext, string? address)
    {
        logger.LogInformation("Refused a link to unknown entity {Address}", address);
        attachContext.Complete(new Error(ErrorCode.NotFound)
        {
            Description = $"The messaging entity '{address}' could not be found.",
        });
    }
}
