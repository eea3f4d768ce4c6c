using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alerts.Route.Silences;

/// <summary>
/// Expired silences stay readable for <see cref="SilenceLimitOptions.ExpiredRetention"/> after they end (as
/// Alertmanager keeps them), then are deleted by the routing timer (<see cref="PurgeAsync"/>). Readers hide a silence
/// past its retention even before the purge has run, so what callers see does not depend on the timer.
/// </summary>
public sealed partial class SilenceRetention(SilenceStore store, IOptions<SilenceLimitOptions> options, TimeProvider time, ILogger<SilenceRetention> logger)
{
    public TimeSpan Retention => options.Value.ExpiredRetention;

    /// <summary>True while <paramref name="silence"/> is still to be shown at <paramref name="now"/> (not ended, or ended within the retention).</summary>
    public bool IsRetained(Silence silence, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(silence);
        return silence.Source == SilenceSources.Configuration || silence.EndsAt > now - Retention;
    }

    /// <summary>Deletes the silences that ended more than the retention ago.</summary>
    /// <returns>How many were deleted.</returns>
    public async Task<int> PurgeAsync(CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow() - Retention;
        var deleted = await store.DeleteEndedBeforeAsync(cutoff, cancellationToken).ConfigureAwait(false);
        if (deleted > 0)
        {
            LogPurged(deleted, cutoff);
        }

        return deleted;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} silences that ended at or before {Cutoff} (past their retention)")]
    private partial void LogPurged(int count, DateTimeOffset cutoff);
}
