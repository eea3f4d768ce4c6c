using Alerts.Evaluate.Run;
using Alerts.Functions.Pull.Recalculations;
using Alerts.Pull;
using Microsoft.Azure.Functions.Worker;

namespace Alerts.Functions.Pull;

/// <summary>Steps 1-3 on a timer: pull every configured product, compute, evaluate, publish breaches; skipped while a recalculation holds the pull lease.</summary>
public sealed class PullTradeStatisticsFunction(PullService pull, PullLease lease)
{
    [Function(nameof(PullTradeStatistics))]
    public async Task PullTradeStatistics([TimerTrigger("%Schedules:Pull%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        await using var held = await lease.TryAcquireAsync(nameof(PullTradeStatistics), cancellationToken);
        if (held is not null)
        {
            await pull.RunAsync(PullScope.All, force: false, cancellationToken);
        }
    }
}
