using System.Text.Json;
using Alerts.Evaluate.Run;
using Alerts.Functions.Http;
using Alerts.Pull;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alerts.Functions.Pull.Recalculations;

/// <summary>
/// Starts queued recalculations, oldest first, under the pull lease (so never beside the pull timer or another
/// worker): claims a run (queued to running, conditional on its ETag, so two instances never both start it), runs the
/// pull's steps for its scope and stores the report. A run found <c>running</c> by a drain that holds the lease was
/// left by a worker that stopped mid-run (runs only execute under the lease, which lapses a minute after its holder
/// dies): it is marked failed, saying so, rather than shown as running for ever.
/// </summary>
public sealed partial class RecalculationWorker(
    RecalculationStore store, PullLease lease, PullService pull, IOptions<RecalculationOptions> options, TimeProvider time, ILogger<RecalculationWorker> logger)
{
    private static readonly JsonSerializerOptions ReportJson = CreateReportJson();

    /// <summary>Runs up to <see cref="RecalculationOptions.RunsPerDrain"/> queued runs; returns how many ran.</summary>
    public async Task<int> DrainAsync(CancellationToken cancellationToken)
    {
        var unfinished = await store.UnfinishedAsync(cancellationToken).ConfigureAwait(false);
        RecalculationTelemetry.RecordQueued(unfinished.Count(e => RecalculationQueue.StatusOf(e) == RecalculationStatus.Queued));
        if (unfinished.Count == 0)
        {
            return 0; // the common case: no lease taken, one query spent
        }

        await using var held = await lease.TryAcquireAsync(nameof(RecalculationWorker), cancellationToken).ConfigureAwait(false);
        if (held is null)
        {
            return 0;
        }

        foreach (var orphan in unfinished.Where(e => RecalculationQueue.StatusOf(e) == RecalculationStatus.Running))
        {
            LogRunAbandoned(logger, orphan.RowKey, orphan.GetDateTimeOffset("StartedAt"));
            orphan["Status"] = nameof(RecalculationStatus.Failed);
            orphan["FinishedAt"] = time.GetUtcNow();
            orphan["Error"] = $"The worker stopped during the run (started {orphan.GetDateTimeOffset("StartedAt"):u}); its products may be partly pulled. Request it again.";
            await store.TryUpdateAsync(orphan, cancellationToken).ConfigureAwait(false);
        }

        var ran = 0;
        while (ran < options.Value.RunsPerDrain && (await store.QueuedAsync(cancellationToken).ConfigureAwait(false)).FirstOrDefault() is { } run)
        {
            run["Status"] = nameof(RecalculationStatus.Running);
            run["StartedAt"] = time.GetUtcNow();
            if (!await store.TryUpdateAsync(run, cancellationToken).ConfigureAwait(false))
            {
                continue; // joined by a request meanwhile: read it again
            }

            var scope = Scope.From(run);
            try
            {
                var report = await pull.RunAsync(new PullScope(scope.Products, scope.Commodities), run.GetBoolean("Force") ?? false, cancellationToken).ConfigureAwait(false);
                await store.WriteReportAsync(run.RowKey, JsonSerializer.Serialize(RecalculationResult.From(report), ReportJson), cancellationToken).ConfigureAwait(false);
                run["Status"] = nameof(RecalculationStatus.Succeeded);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The details go to the log; the caller reads that it failed and the run id to quote.
                LogRunFailed(logger, e, run.RowKey);
                run["Status"] = nameof(RecalculationStatus.Failed);
                run["Error"] = $"The recalculation failed ({e.GetType().Name}); the log of run {run.RowKey} has the details.";
            }

            run["FinishedAt"] = time.GetUtcNow();
            var finished = await store.GetAsync(run.RowKey, CancellationToken.None).ConfigureAwait(false);
            if (finished is not null)
            {
                foreach (var name in new[] { "Status", "FinishedAt", "Error" })
                {
                    if (run.TryGetValue(name, out var value))
                    {
                        finished[name] = value;
                    }
                }

                await store.TryUpdateAsync(finished, CancellationToken.None).ConfigureAwait(false);
            }

            ran++;
        }

        return ran;
    }

    private static JsonSerializerOptions CreateReportJson()
    {
        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        HttpJson.Configure(json);
        return json;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recalculation {RunId}, started {StartedAt}, was left running by a worker that stopped; marked failed")]
    private static partial void LogRunAbandoned(ILogger logger, string runId, DateTimeOffset? startedAt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Recalculation {RunId} failed")]
    private static partial void LogRunFailed(ILogger logger, Exception exception, string runId);
}
