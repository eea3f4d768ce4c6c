using Alerts.Core.Routing;

namespace Alerts.Core.Delivery;

/// <summary>Delivers a notification on one channel. Implementations classify every failure; they do not throw for delivery errors.</summary>
public interface INotifier
{
    /// <summary>The channel this notifier serves (<see cref="Channels"/>).</summary>
    string Channel { get; }

    Task<DeliveryOutcome> SendAsync(Notification notification, CancellationToken cancellationToken);
}
