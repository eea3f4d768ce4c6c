using Amqp;
using Amqp.Handler;

namespace Alerts.LocalServiceBus.Amqp;

/// <summary>
/// Gives each outgoing delivery a 16-byte tag: the SDK reads <c>new Guid(tag)</c> as the lock token, so the
/// tag must be the lock the broker holds. The sender sets <see cref="NextTag"/> on its thread just before
/// <c>SendMessage</c>, which raises the event synchronously on that same thread.
/// </summary>
internal sealed class DeliveryTagHandler : IHandler
{
    [ThreadStatic]
    private static Guid? _nextTag;

    public static DeliveryTagHandler Instance { get; } = new();

    public static Guid? NextTag
    {
        get => _nextTag;
        set => _nextTag = value;
    }

    public bool CanHandle(EventId id) => id == EventId.SendDelivery;

    public void Handle(Event protocolEvent)
    {
        if (protocolEvent.Id == EventId.SendDelivery && protocolEvent.Context is IDelivery delivery)
        {
            delivery.Tag = (_nextTag ?? Guid.NewGuid()).ToByteArray();
            _nextTag = null;
        }
    }
}
