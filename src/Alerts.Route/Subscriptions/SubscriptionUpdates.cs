using System.Text.Json;
using Alerts.Platform.Storage;
using Alerts.Route.Notifications;

namespace Alerts.Route.Subscriptions;

/// <summary>
/// Changes a caller's own subscription with a JSON merge patch under optimistic concurrency: the ETag of the read the
/// caller based its change on (<c>If-Match</c>) must still be current. A new email target starts verification again.
/// </summary>
public sealed class SubscriptionUpdates(
    SubscriptionRequestValidator validator,
    SubscriptionStore<Subscription> store,
    ISubscriptionHealth endpoints,
    SubscriptionVerification verification,
    ISubscriptionJournal journal,
    TimeProvider time)
{
    /// <summary>The caller's subscription with its ETag, or null when the caller has none with this id.</summary>
    public async Task<(SubscriptionView View, string ETag)?> GetAsync(string owner, string id, CancellationToken cancellationToken)
    {
        if (await store.GetVersionedAsync(owner, id, cancellationToken) is not { } versioned)
        {
            return null;
        }

        return (SubscriptionView.From(versioned.Value, await endpoints.GetPauseAsync(id, cancellationToken)), versioned.ETag.ToString());
    }

    public async Task<PatchResult> PatchAsync(string owner, string id, JsonElement patch, string? ifMatch, CancellationToken cancellationToken)
    {
        if (await store.GetVersionedAsync(owner, id, cancellationToken) is not { } versioned)
        {
            return new PatchResult(PatchOutcome.NotFound);
        }

        if (ifMatch is not null && ifMatch != "*" && ifMatch != versioned.ETag.ToString())
        {
            return new PatchResult(PatchOutcome.PreconditionFailed);
        }

        var current = versioned.Value;
        var (request, errors) = SubscriptionPatch.Apply(current, patch);
        if (request is null || (errors = validator.Validate(request)).Count > 0)
        {
            return new PatchResult(PatchOutcome.Invalid, Errors: errors);
        }

        var created = validator.Create(request, current.Id, current.Owner, current.CreatedAt);
        var retargeted = !string.Equals(created.Target, current.Target, StringComparison.OrdinalIgnoreCase);
        var updated = created with
        {
            Status = retargeted && created.Channel == Channels.Email ? SubscriptionStatus.PendingVerification : current.Status,
            VerificationSentAt = retargeted ? null : current.VerificationSentAt,
        };

        string etag;
        try
        {
            etag = await store.ReplaceAsync(owner, id, updated, cancellationToken, versioned.ETag.ToString());
        }
        catch (StorageConflictException)
        {
            // Changed by someone else between our read and write: as stale as a wrong If-Match.
            return new PatchResult(PatchOutcome.PreconditionFailed);
        }

        var pending = retargeted && updated.Status == SubscriptionStatus.PendingVerification;
        await journal.RecordAsync(
            new SubscriptionStep(id, updated.Channel, SubscriptionSteps.Updated, time.GetUtcNow(),
                pending ? "The owner changed it, with a new address: pending verification again." : retargeted ? "The owner changed it, with a new target." : "The owner changed it."),
            cancellationToken);
        if (pending)
        {
            updated = await verification.SendAsync(updated, cancellationToken);
            etag = (await store.GetVersionedAsync(owner, id, cancellationToken))?.ETag.ToString() ?? etag;
        }

        return new PatchResult(PatchOutcome.Updated, SubscriptionView.From(updated, await endpoints.GetPauseAsync(id, cancellationToken)), etag);
    }
}

public enum PatchOutcome
{
    Updated,
    NotFound,
    PreconditionFailed,
    Invalid,
}

/// <param name="Errors">Per-field errors when <see cref="PatchOutcome.Invalid"/>.</param>
public sealed record PatchResult(PatchOutcome Outcome, SubscriptionView? View = null, string? ETag = null, IReadOnlyDictionary<string, string[]>? Errors = null);
