using Alerts.Route.Digests;
using Microsoft.Azure.Functions.Worker;

namespace Alerts.Functions.Route;

/// <summary>Sends the daily and weekly digests that have fallen due (each subscription's own time and zone).</summary>
public sealed class SendDigestsFunction(DigestService digests)
{
    [Function(nameof(SendDigests))]
    public Task SendDigests([TimerTrigger("%Schedules:Digest%")] TimerInfo timer, CancellationToken cancellationToken) =>
        digests.RunAsync(cancellationToken);
}
