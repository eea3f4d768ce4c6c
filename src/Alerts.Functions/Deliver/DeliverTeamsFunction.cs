using Alerts.Deliver;
using Alerts.Deliver.Rendering;
using Alerts.Route.NotificationLog;
using Alerts.Route.Notifications;
using Alerts.Route.Routing;
using Alerts.Route.Silences;
using Alerts.Route.Subscriptions;
using Microsoft.Azure.Functions.Worker;

namespace Alerts.Functions.Deliver;

/// <summary>Drains <c>notifications/teams</c> on a timer and posts each to its Workflows webhook.</summary>
public sealed class DeliverTeamsFunction(DeliveryService delivery)
{
    [Function(nameof(DeliverTeams))]
    public Task DeliverTeams([TimerTrigger("%Schedules:DeliverTeams%")] TimerInfo timer, CancellationToken cancellationToken) =>
        delivery.RunAsync(Channels.Teams, cancellationToken);
}
