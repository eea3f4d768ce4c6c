using Alerts.Compute.Series;
using Alerts.Evaluate.Run;
using Alerts.Pull;
using Alerts.Pull.Sources;
using Microsoft.Azure.Functions.Worker;

namespace Alerts.Functions.Pull;

/// <summary>Steps 1-3 on a timer: pull every configured product, compute, evaluate, publish breaches.</summary>
public sealed class PullTradeStatisticsFunction(PullService pull)
{
    [Function(nameof(PullTradeStatistics))]
    public Task PullTradeStatistics([TimerTrigger("%Schedules:Pull%")] TimerInfo timer, CancellationToken cancellationToken) =>
        pull.RunAsync(PullScope.All, force: false, cancellationToken);
}
