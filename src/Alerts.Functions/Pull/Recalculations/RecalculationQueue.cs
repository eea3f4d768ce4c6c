using Alerts.Pull;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace Alerts.Functions.Pull.Recalculations;

/// <summary>What asking for a recalculation led to: a run (new, coalesced or named by the key), or a wait.</summary>
public sealed record RecalculationTicket(string? RunId, bool Created, TimeSpan? RetryAfter);

/// <summary>
/// Takes recalculation requests: the same Idempotency-Key of a caller names the same run; otherwise, within the
/// caller's rate limit (which counts joins too: a join widens a run's scope and so spends source budget), a request
/// whose scope overlaps a run still queued (with the same <c>force</c>) joins it, or becomes a new queued run. The runs are started by <see cref="RecalculationWorker"/>.
/// </summary>
public sealed class RecalculationQueue(RecalculationStore store, IOptions<RecalculationOptions> options, TimeProvider time)
{
    private const int Attempts = 5;

    public async Task<RecalculationTicket> RequestAsync(string owner, Scope scope, bool force, string? idempotencyKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (idempotencyKey is not null && await store.RunForKeyAsync(owner, idempotencyKey, cancellationToken).ConfigureAwait(false) is { } known)
        {
            return new RecalculationTicket(known, Created: false, RetryAfter: null);
        }

        var ticket = await CoalesceOrAddAsync(owner, scope, force, cancellationToken).ConfigureAwait(false);
        if (ticket.RunId is { } id && idempotencyKey is not null)
        {
            var bound = await store.BindKeyAsync(owner, idempotencyKey, id, cancellationToken).ConfigureAwait(false);
            return ticket with { RunId = bound };
        }

        return ticket;
    }

    private async Task<RecalculationTicket> CoalesceOrAddAsync(string owner, Scope scope, bool force, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var o = options.Value;
        var recent = await store.RequestedSinceAsync(owner, now - o.RateWindow, cancellationToken).ConfigureAwait(false);
        if (recent.Count >= o.PerCallerLimit)
        {
            var wait = recent.Min() + o.RateWindow - now;
            return new RecalculationTicket(null, Created: false, RetryAfter: wait > TimeSpan.Zero ? wait : TimeSpan.FromSeconds(1));
        }

        var ticket = await JoinAsync(scope, force, cancellationToken).ConfigureAwait(false);
        if (ticket is null)
        {
            var id = RunIds.New(now);
            await store.AddAsync(id, owner, scope, force, now, cancellationToken).ConfigureAwait(false);
            ticket = new RecalculationTicket(id, Created: true, RetryAfter: null);
        }

        await store.AddRequestAsync(owner, ticket.RunId!, now, cancellationToken).ConfigureAwait(false);
        return ticket;
    }

    /// <summary>Joins an overlapping queued run, widening its scope; null when there is none.</summary>
    private async Task<RecalculationTicket?> JoinAsync(Scope scope, bool force, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var queued = (await store.QueuedAsync(cancellationToken).ConfigureAwait(false))
                .FirstOrDefault(e => e.GetBoolean("Force") == force && Scope.From(e).Overlaps(scope));
            if (queued is null)
            {
                return null;
            }

            Scope.From(queued).Union(scope).WriteTo(queued);
            if (await store.TryUpdateAsync(queued, cancellationToken).ConfigureAwait(false))
            {
                return new RecalculationTicket(queued.RowKey, Created: false, RetryAfter: null);
            }

            // The worker claimed it or another request joined it meanwhile: look again.
        }

        return null;
    }

    public static RecalculationStatus StatusOf(TableEntity entity) =>
        Enum.TryParse<RecalculationStatus>(entity?.GetString("Status"), out var status) ? status : RecalculationStatus.Failed;
}
