using Amqp;
using Amqp.Framing;

namespace Alerts.LocalServiceBus.Amqp;

/// <summary>
/// Claims-based security on <c>$cbs</c>: every put-token is accepted. The status code must be an AMQP int;
/// the SDK fails on a uint or a long.
/// </summary>
internal sealed class CbsHandler : IRequestHandler
{
    public Message Handle(Message request)
    {
        var operation = request.ApplicationProperties?.Map["operation"] as string;
        var ok = string.Equals(operation, "put-token", StringComparison.Ordinal);
        var properties = new ApplicationProperties();
        properties.Map["status-code"] = ok ? 200 : 400;
        properties.Map["status-description"] = ok ? "OK" : $"Unsupported CBS operation '{operation}'.";
        return new Message { ApplicationProperties = properties };
    }
}
