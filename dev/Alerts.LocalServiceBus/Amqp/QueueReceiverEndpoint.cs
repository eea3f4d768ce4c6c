using Alerts.LocalServiceBus.Broker;
using Amqp;
using Amqp.Framing;
using Amqp.Listener;
using Amqp.Types;
using Microsoft.Extensions.Logging;

namespace Alerts.LocalServiceBus.Amqp;

/// <summary>
/// A client's receiver link on a subscription or its dead-letter queue. Sends while the client gives credit,
/// honours drain (so the client's receiver close returns at once), and maps dispositions to settlements.
/// </summary>
internal sealed class QueueReceiverEndpoint : LinkEndpoint
{
    private const string DeadLetterCondition = "com.microsoft:dead-letter";
    private static readonly Symbol LockLostCondition = "com.microsoft:message-lock-lost";
    private readonly MessageQueue _queue;
    private readonly ListenerLink _link;
    private readonly bool _peekLock;
    private readonly ILogger _logger;
    private readonly object _gate = new();
    private int _credit;
    private bool _closed;
    private bool _pumping;

    public QueueReceiverEndpoint(MessageQueue queue, ListenerLink link, bool peekLock, ILogger logger)
    {
        _queue = queue;
        _link = link;
        _peekLock = peekLock;
        _logger = logger;
        _queue.MessagesAvailable += Pump;
    }

    public override void OnFlow(FlowContext flowContext)
    {
        lock (_gate)
        {
            // Mirrors the library's own accounting: a flow that does not raise the limit leaves no credit.
            _credit = flowContext.Messages <= 0 ? 0 : _credit + flowContext.Messages;
        }

        Pump();
    }

    public override void OnDisposition(DispositionContext dispositionContext)
    {
        if (!_peekLock || dispositionContext.Message.DeliveryTag is not { Length: 16 } tag)
        {
            return;
        }

        var lockToken = new Guid(tag);
        if (dispositionContext.DeliveryState is Released && dispositionContext.Settled && _link.Session.Connection.IsClosed)
        {
            // The library releases the link's unsettled deliveries when its connection is lost. Service Bus keeps
            // such a lock until it expires, so the client can still settle or renew it by lock token over
            // $management after reconnecting (update-disposition, renew-lock) instead of it being redelivered.
            return;
        }

        if (dispositionContext.DeliveryState is Modified { UndeliverableHere: true })
        {
            // The SDK's Defer: deferred messages are only reachable by sequence number, which this broker does not offer.
            _queue.Release(lockToken);
            if (!dispositionContext.Settled)
            {
                dispositionContext.Complete(new Error(ErrorCode.NotImplemented) { Description = "Deferral is not supported by the loopback Service Bus." });
            }

            return;
        }

        var outcome = dispositionContext.DeliveryState switch
        {
            Accepted => _queue.Complete(lockToken),
            Modified modified => _queue.Abandon(lockToken, MessageCodec.ToProperties(modified.MessageAnnotations)),
            Rejected { Error: { } error } when string.Equals(error.Condition?.ToString(), DeadLetterCondition, StringComparison.Ordinal) => _queue.DeadLetter(
                lockToken,
                error.Info?[(Symbol)"DeadLetterReason"] as string,
                error.Info?[(Symbol)"DeadLetterErrorDescription"] as string,
                MessageCodec.ToProperties(error.Info, "DeadLetterReason", "DeadLetterErrorDescription")),
            Rejected rejected => _queue.DeadLetter(lockToken, rejected.Error?.Condition?.ToString(), rejected.Error?.Description),
            _ => _queue.Release(lockToken),
        };

        if (dispositionContext.Settled)
        {
            return;
        }

        if (outcome == SettleOutcome.Accepted)
        {
            dispositionContext.Complete();
        }
        else
        {
            dispositionContext.Complete(new Error(LockLostCondition)
            {
                Description = "The lock supplied is invalid: it expired, or the message was already settled.",
            });
        }
    }

    public override void OnLinkClosed(ListenerLink link, Error error)
    {
        lock (_gate)
        {
            _closed = true;
        }

        _queue.MessagesAvailable -= Pump;
    }

    private void Pump()
    {
        lock (_gate)
        {
            // Receiving can raise MessagesAvailable on this very thread (a lock expiring on the way); the loop
            // already running will look again, and a nested one would spend the same credit twice.
            if (_pumping)
            {
                return;
            }

            _pumping = true;
            try
            {
                while (!_closed && _credit > 0 && _queue.TryReceive(_peekLock, out var received))
                {
                    _credit--;
                    if (!TrySend(received!))
                    {
                        return;
                    }
                }

                if (!_closed && _link.IsDraining)
                {
                    _credit = 0;
                    _link.CompleteDrain();
                }
            }
            finally
            {
                _pumping = false;
            }
        }
    }

    private bool TrySend(ReceivedMessage received)
    {
        try
        {
            DeliveryTagHandler.NextTag = _peekLock ? received.LockToken : Guid.NewGuid();
            _link.SendMessage(MessageCodec.ToAmqp(received, _peekLock));
            return true;
        }
        catch (Exception e) when (e is AmqpException or ObjectDisposedException or InvalidOperationException)
        {
            _closed = true;
            _logger.LogDebug(e, "Receiver link on {Entity} closed while sending", _queue.Path);
            if (_peekLock)
            {
                _queue.Release(received.LockToken);
            }
            else
            {
                _queue.Restore(received);
            }

            return false;
        }
        finally
        {
            DeliveryTagHandler.NextTag = null;
        }
    }
}
