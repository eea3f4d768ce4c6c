using Amqp;
using Amqp.Framing;
using Amqp.Sasl;
using Amqp.Types;

namespace Alerts.LocalServiceBus.Amqp;

/// <summary>
/// Server side of a SASL mechanism that accepts whatever the client offers. The SDK's MSSBCBS sends no
/// credentials at all (authorisation comes later, by CBS put-token), and a loopback broker checks nothing.
/// </summary>
internal sealed class AcceptingSaslProfile(string mechanism) : SaslProfile(mechanism)
{
    protected override ITransport UpgradeTransport(ITransport transport) => transport;

    // Only a client profile starts a negotiation; the listener never asks for this.
    protected override DescribedList GetStartCommand(string hostname) => throw new NotSupportedException();

    protected override DescribedList OnCommand(DescribedList command) =>
        command.Descriptor.Code == 0x41UL // sasl-init
            ? new SaslOutcome { Code = SaslCode.Ok }
            : throw new AmqpException(ErrorCode.NotAllowed, command.Descriptor.Name);
}
