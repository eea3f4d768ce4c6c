using Alerts.Route.Routing;
using Alerts.Route.Silences;
using Microsoft.Azure.Functions.Worker;

namespace Alerts.Functions.Route;

/// <summary>
/// Drains <c>breaches/router</c> on a timer and publishes one notification per subscription and group; then deletes the
/// silences past their retention (<c>SilenceLimits__ExpiredRetention</c>).
/// </summary>
public sealed class RouteBreachesFunction(RouteService route, SilenceRetention silences)
{
    [Function(nameof(RouteBreaches))]
    public async Task RouteBreaches([TimerTrigger("%Schedules:Route%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        await route.RunAsync(cancellationToken);
        await silences.PurgeAsync(cancellationToken);
    }
}
