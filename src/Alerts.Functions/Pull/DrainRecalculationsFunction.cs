using Alerts.Functions.Pull.Recalculations;
using Microsoft.Azure.Functions.Worker;

namespace Alerts.Functions.Pull;

/// <summary>Starts queued recalculations on a timer (no queue trigger extension is available; a table and a timer do it).</summary>
public sealed class DrainRecalculationsFunction(RecalculationWorker worker)
{
    [Function(nameof(DrainRecalculations))]
    public Task DrainRecalculations([TimerTrigger("%Schedules:Recalculations%")] TimerInfo timer, CancellationToken cancellationToken) =>
        worker.DrainAsync(cancellationToken);
}
