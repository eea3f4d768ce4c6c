using Amqp;

namespace Alerts.LocalServiceBus.Amqp;

/// <summary>Answers one request-response message ($cbs or $management); the endpoint adds the correlation and routes the reply.</summary>
internal interface IRequestHandler
{
    Message Handle(Message request);
}
