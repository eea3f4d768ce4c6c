using Alerts.Deliver;
using Alerts.Deliver.Rendering;
using Alerts.Route.NotificationLog;
using Alerts.Route.Notifications;
using Alerts.Route.Routing;
using Alerts.Route.Silences;
using Alerts.Route.Subscriptions;
using Microsoft.Azure.Functions.Worker;

namespace Alerts.Functions.Deliver;

/// <summary>Drains <c>notifications/email</c> on a timer and sends each by SMTP.</summary>
public sealed class DeliverEmailFunction(DeliveryService delivery)
{
    [Function(nameof(DeliverEmail))]
    public Task DeliverEmail([TimerTrigger("%Schedules:DeliverEmail%")] TimerInfo timer, CancellationToken cancellationToken) =>
        delivery.RunAsync(Channels.Email, cancellationToken);
}
