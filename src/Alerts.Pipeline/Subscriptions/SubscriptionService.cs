using Alerts.Core.Routing;
using Alerts.Pipeline.Storage;

namespace Alerts.Pipeline.Subscriptions;

/// <summary>Creates, reads and deletes a caller's own subscriptions.</summary>
public sealed class SubscriptionService(
    SubscriptionRequestValidator validator,
    SubscriptionStore<Subscription> store,
    NotificationLogStore notificationLog,
    TimeProvider time)
{
    /// <summary>Validates and stores a new subscription; returns every field error instead when it is invalid.</summary>
    public async Task<(SubscriptionView? Created, IReadOnlyDictionary<string, string[]> Errors)> CreateAsync(
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
        await store.GetAsync(owner, id, cancellationToken) is { } s ? SubscriptionView.From(s) : null;

    public async Task<IReadOnlyList<SubscriptionView>> ListAsync(string owner, CancellationToken cancellationToken)
    {
        var result = new List<SubscriptionView>();
        await foreach (var s in store.ListByOwnerAsync(owner, cancellationToken))
        {
            result.Add(SubscriptionView.From(s));
        }

        return result;
    }

    /// <summary>Deletes the caller's subscription and its notification log; false when there was none.</summary>
    public async Task<bool> DeleteAsync(string owner, string id, CancellationToken cancellationToken)
    {
        if (!await store.DeleteAsync(owner, id, cancellationToken))
        {
            return false;
        }

        await notificationLog.DeleteSubscriptionAsync(id, cancellationToken);
        return true;
    }
}
