using Alerts.Core.Routing;
using Alerts.Pipeline.Delivery;
using Microsoft.Azure.Functions.Worker;

namespace Alerts.Functions.Delivery;

/// <summary>Drains <c>notifications/teams</c> on a timer and posts each to its Workflows webhook.</summary>
public sealed class DeliverTeamsFunction(DeliveryService delivery)
{
    [Function(nameof(DeliverTeams))]
    public Task DeliverTeams([TimerTrigger("%Schedules:DeliverTeams%")] TimerInfo timer, CancellationToken cancellationToken) =>
        delivery.RunAsync(Channels.Teams, cancellationToken);
}
