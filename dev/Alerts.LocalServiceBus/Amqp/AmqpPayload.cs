using Amqp.Framing;
using Amqp.Types;

namespace Alerts.LocalServiceBus.Amqp;

/// <summary>The sections of a received message the broker hands back unchanged on delivery.</summary>
internal sealed record AmqpPayload(Header? Header, Properties? Properties, Map? ClientAnnotations, RestrictedDescribed? Body, Footer? Footer);
