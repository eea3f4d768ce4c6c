using Alerts.Deliver.Email;
using Alerts.Deliver.Endpoints;
using Alerts.Deliver.Teams;
using Alerts.Platform.Secrets;
using Alerts.Route.NotificationLog;
using Alerts.Route.Notifications;
using Alerts.Route.Routing;
using Alerts.Route.Silences;
using Alerts.Route.Subscriptions;

namespace Alerts.Deliver;

/// <summary>Delivers a notification on one channel. Implementations classify every failure; they do not throw for delivery errors.</summary>
public interface INotifier
{
    /// <summary>The channel this notifier serves (<see cref="Channels"/>).</summary>
    string Channel { get; }

    Task<DeliveryOutcome> SendAsync(Notification notification, CancellationToken cancellationToken);
}
