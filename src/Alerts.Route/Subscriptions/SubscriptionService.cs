using Alerts.Compute.Store;
using Alerts.Evaluate.Lifecycle;
using Alerts.Platform.Storage;
using Alerts.Pull.Snapshots;
using Alerts.Pull.State;
using Alerts.Route.NotificationLog;
using Alerts.Route.Notifications;
using Alerts.Route.Routing;
using Alerts.Route.Silences;

namespace Alerts.Route.Subscriptions;

/// <summary>Creates, reads, resumes and deletes a caller's own subscriptions.</summary>
public sealed class SubscriptionService(
    SubscriptionRequestValidator validator,
    SubscriptionStore<Subscription> store,
    NotificationLogStore notificationLog,
    ISubscriptionHealth endpoints,
    SubscriptionVerification verification,
    SubscriptionActivation activation,
    IEnumerable<ITargetProbe> probes,
    ISubscriptionJournal journal,
    TimeProvider time)
{
    /// <summary>
    /// Validates and stores a new subscription; returns every field error instead when it is invalid. An email
    /// subscription starts pending, and its address gets the verification mail (and nothing else until confirmed).
    /// A channel with a <see cref="ITargetProbe"/> (Teams) is tried first: a refusal stores nothing and is returned as
    /// <c>Refused</c> (what the target answered, redacted); a success makes it active at once.
    /// </summary>
    public async Task<(SubscriptionView? Created, IReadOnlyDictionary<string, string[]> Errors, string? Refused)> CreateAsync(
        string owner, SubscriptionRequest? request, CancellationToken cancellationToken)
    {
        var errors = validator.Validate(request);
        if (errors.Count > 0)
        {
            return (null, errors, null);
        }

        var subscription = validator.Create(request!, $"sub-{Guid.NewGuid():N}", owner, time.GetUtcNow());
        if (subscription.Channel == Channels.Email)
        {
            subscription = subscription with { Status = SubscriptionStatus.PendingVerification };
        }

        var probe = probes.FirstOrDefault(p => p.Channel == subscription.Channel);
        if (probe is not null && await probe.ProbeAsync(subscription, cancellationToken) is { } refused)
        {
            return (null, errors, refused);
        }

        await store.CreateAsync(owner, subscription.Id, subscription, cancellationToken);
        await journal.RecordAsync(
            new SubscriptionStep(subscription.Id, subscription.Channel, SubscriptionSteps.Subscribed, subscription.CreatedAt,
                subscription.Status == SubscriptionStatus.PendingVerification ? "Created; pending verification of the address." : "Created."),
            cancellationToken);
        if (subscription.Status == SubscriptionStatus.PendingVerification)
        {
            subscription = await verification.SendAsync(subscription, cancellationToken);
        }
        else if (probe is not null)
        {
            await activation.ActivatedAsync(subscription, SubscriptionSteps.Confirmed, "The target took the test card: active.", cancellationToken);
        }

        return (SubscriptionView.From(subscription), errors, null);
    }

    /// <summary>
    /// Stores an active subscription without verification: only for an operator seeding targets it vouches for (the
    /// local stack's own mail and webhook sinks in <c>serve</c> and <c>demo</c>), never reachable over HTTP.
    /// </summary>
    public async Task<(SubscriptionView? Created, IReadOnlyDictionary<string, string[]> Errors)> SeedAsync(
        string owner, SubscriptionRequest? request, CancellationToken cancellationToken)
    {
        var errors = validator.Validate(request);
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var subscription = validator.Create(request!, $"sub-{Guid.NewGuid():N}", owner, time.GetUtcNow());
        await store.CreateAsync(owner, subscription.Id, subscription, cancellationToken);
        return (SubscriptionView.From(subscription), errors);
    }

    /// <summary>The caller's subscription, or null when the caller has none with this id (someone else's is not found either).</summary>
    public async Task<SubscriptionView?> GetAsync(string owner, string id, CancellationToken cancellationToken) =>
        await store.GetAsync(owner, id, cancellationToken) is { } s ? await ViewAsync(s, cancellationToken) : null;

    public async Task<IReadOnlyList<SubscriptionView>> ListAsync(string owner, CancellationToken cancellationToken)
    {
        var result = new List<SubscriptionView>();
        await foreach (var s in store.ListByOwnerAsync(owner, cancellationToken))
        {
            result.Add(await ViewAsync(s, cancellationToken));
        }

        return result;
    }

    /// <summary>
    /// Lifts a pause (and forgets the failure count) of the caller's subscription, so its next notification is
    /// sent again; resuming an active one changes nothing. Null when the caller has no subscription with this id.
    /// </summary>
    public async Task<SubscriptionView?> ResumeAsync(string owner, string id, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(owner, id, cancellationToken) is not { } s)
        {
            return null;
        }

        await endpoints.ForgetAsync(id, cancellationToken);
        await journal.RecordAsync(new SubscriptionStep(id, s.Channel, SubscriptionSteps.Resumed, time.GetUtcNow(), "The owner resumed it."), cancellationToken);
        return SubscriptionView.From(s);
    }

    /// <summary>Deletes the caller's subscription, its notification log and its delivery health; false when there was none.</summary>
    public async Task<bool> DeleteAsync(string owner, string id, CancellationToken cancellationToken)
    {
        if (!await store.DeleteAsync(owner, id, cancellationToken))
        {
            return false;
        }

        await notificationLog.DeleteSubscriptionAsync(id, cancellationToken);
        await endpoints.ForgetAsync(id, cancellationToken);
        return true;
    }

    private async Task<SubscriptionView> ViewAsync(Subscription s, CancellationToken cancellationToken) =>
        SubscriptionView.From(s, await endpoints.GetPauseAsync(s.Id, cancellationToken));
}
