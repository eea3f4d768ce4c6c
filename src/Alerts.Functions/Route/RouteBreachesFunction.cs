using Alerts.Route.Routing;
using Alerts.Route.Silences;
using Microsoft.Azure.Functions.Worker;

namespace Alerts.Functions.Route;

/// <summary>Drains <c>breaches/router</c> on a timer and publishes one notification per subscription and group.</summary>
public sealed class RouteBreachesFunction(RouteService route)
{
    [Function(nameof(RouteBreaches))]
    public Task RouteBreaches([TimerTrigger("%Schedules:Route%")] TimerInfo timer, CancellationToken cancellationToken) =>
        route.RunAsync(cancellationToken);
}
