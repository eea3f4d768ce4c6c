using Alerts.Platform.Storage;
using Microsoft.Extensions.Options;

namespace Alerts.Route.Silences;

/// <summary>
/// Creates, lists, reads and expires silences for an API caller: a caller sees its own silences, the global ones and
/// the configuration ones; only admins create or expire global ones. Expired silences are shown until their retention
/// has passed (<see cref="SilenceRetention"/>).
/// </summary>
public sealed class SilenceService(SilenceStore store, SilenceProvider provider, IOptions<SilenceLimitOptions> limits, SilenceRetention retention, TimeProvider time)
{
    public int Limit => limits.Value.MaxActivePerOwner;

    public async Task<SilenceResult> CreateAsync(string owner, string callerName, bool isAdmin, SilenceRequest? request, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var validation = SilenceRequestValidator.Validate(request, now);
        if (validation.Malformed.Count > 0)
        {
            return new SilenceResult(SilenceOutcome.Malformed, Errors: validation.Malformed);
        }

        if (validation.Unacceptable.Count > 0)
        {
            return new SilenceResult(SilenceOutcome.Unacceptable, Errors: validation.Unacceptable);
        }

        var silence = SilenceRequestValidator.Create(request!, $"sil-{Guid.NewGuid():N}", owner, callerName, now);
        if (silence.Scope == SilenceScope.Global && !isAdmin)
        {
            return new SilenceResult(SilenceOutcome.Forbidden);
        }

        if (await store.CountUnexpiredAsync(owner, now, Limit, cancellationToken).ConfigureAwait(false) >= Limit)
        {
            return new SilenceResult(SilenceOutcome.Unacceptable, Errors: new Dictionary<string, string[]>
            {
                ["$"] = [$"you hold {Limit} silences that have not ended, the most {SilenceLimitOptions.SettingName} allows; expire one first (DELETE /api/silences/{{id}})"],
            });
        }

        await store.CreateAsync(silence, cancellationToken).ConfigureAwait(false);
        return new SilenceResult(SilenceOutcome.Done, SilenceView.From(silence, now));
    }

    /// <summary>The caller's own, the global and the configuration silences, newest end first.</summary>
    public async Task<IReadOnlyList<SilenceView>> ListAsync(string owner, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var all = new List<Silence>(provider.Configured);
        await foreach (var s in store.ListVisibleAsync(owner, cancellationToken).ConfigureAwait(false))
        {
            if (retention.IsRetained(s, now))
            {
                all.Add(s);
            }
        }

        return [.. all.OrderByDescending(s => s.EndsAt).ThenBy(s => s.Id, StringComparer.Ordinal).Select(s => SilenceView.From(s, now))];
    }

    /// <summary>The silence if the caller may see it (its own, a global or a configuration one); null otherwise.</summary>
    public async Task<SilenceView?> GetAsync(string owner, string id, CancellationToken cancellationToken)
    {
        var silence = await VisibleAsync(owner, id, cancellationToken).ConfigureAwait(false);
        return silence is null ? null : SilenceView.From(silence.Value, time.GetUtcNow());
    }

    /// <summary>
    /// Expires the silence now (it stays listed as expired); expiring an expired one changes nothing. A global one needs
    /// an admin, a configuration one cannot be expired here (it is in the app settings).
    /// </summary>
    public async Task<SilenceResult> ExpireAsync(string owner, bool isAdmin, string id, CancellationToken cancellationToken)
    {
        if (await VisibleAsync(owner, id, cancellationToken).ConfigureAwait(false) is not { } found)
        {
            return new SilenceResult(SilenceOutcome.NotFound);
        }

        var silence = found.Value;
        if (silence.Source == SilenceSources.Configuration)
        {
            return new SilenceResult(SilenceOutcome.Configured);
        }

        if (silence.Scope == SilenceScope.Global && !isAdmin)
        {
            return new SilenceResult(SilenceOutcome.Forbidden);
        }

        var now = time.GetUtcNow();
        if (silence.EndsAt > now)
        {
            silence = silence with { StartsAt = silence.StartsAt > now ? now : silence.StartsAt, EndsAt = now };
            try
            {
                await store.ReplaceAsync(silence, found.ETag, cancellationToken).ConfigureAwait(false);
            }
            catch (StorageConflictException)
            {
                return new SilenceResult(SilenceOutcome.Conflict);
            }
        }

        return new SilenceResult(SilenceOutcome.Done, SilenceView.From(silence, now));
    }

    private async Task<Versioned<Silence>?> VisibleAsync(string owner, string id, CancellationToken cancellationToken)
    {
        if (provider.Configured.FirstOrDefault(s => string.Equals(s.Id, id, StringComparison.Ordinal)) is { } configured)
        {
            return new Versioned<Silence>(configured, default);
        }

        if (string.IsNullOrWhiteSpace(id) || id.Length > 100 || await store.FindAsync(id, cancellationToken).ConfigureAwait(false) is not { } found)
        {
            return null;
        }

        // Another owner's silence, and one past its retention, answer exactly like an unknown id.
        var s = found.Value;
        return (s.Scope == SilenceScope.Global || string.Equals(s.Owner, owner, StringComparison.Ordinal)) && retention.IsRetained(s, time.GetUtcNow()) ? found : null;
    }
}

public enum SilenceOutcome
{
    Done,
    Malformed,
    Unacceptable,
    Forbidden,
    NotFound,
    Configured,
    Conflict,
}

/// <param name="Errors">Per-field errors when <see cref="SilenceOutcome.Malformed"/> (400) or <see cref="SilenceOutcome.Unacceptable"/> (422).</param>
public sealed record SilenceResult(SilenceOutcome Outcome, SilenceView? View = null, IReadOnlyDictionary<string, string[]>? Errors = null);
