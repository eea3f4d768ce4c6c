using Amqp;
using Amqp.Framing;
using Amqp.Listener;

namespace Alerts.LocalServiceBus.Amqp;

/// <summary>The client's receiver for replies ($cbs or $management), addressed by the link's target (the requests' reply-to).</summary>
internal sealed class ReplyEndpoint(ListenerLink link) : LinkEndpoint
{
    private readonly object _gate = new();
    private readonly Queue<Message> _pending = new();
    private int _credit;
    private bool _closed;

    public void Send(Message reply)
    {
        lock (_gate)
        {
            _pending.Enqueue(reply);
        }

        Flush();
    }

    public override void OnFlow(FlowContext flowContext)
    {
        lock (_gate)
        {
            _credit = flowContext.Messages <= 0 ? 0 : _credit + flowContext.Messages;
        }

        Flush();
    }

    public override void OnDisposition(DispositionContext dispositionContext)
    {
        if (!dispositionContext.Settled)
        {
            dispositionContext.Complete();
        }
    }

    public override void OnLinkClosed(ListenerLink link, Error error)
    {
        lock (_gate)
        {
            _closed = true;
            _pending.Clear();
        }
    }

    private void Flush()
    {
        lock (_gate)
        {
            while (!_closed && _credit > 0 && _pending.TryDequeue(out var reply))
            {
                _credit--;
                try
                {
                    link.SendMessage(reply);
                }
                catch (AmqpException)
                {
                    _closed = true;
                    return;
                }
            }

            if (!_closed && link.IsDraining)
            {
                _credit = 0;
                link.CompleteDrain();
            }
        }
    }
}
