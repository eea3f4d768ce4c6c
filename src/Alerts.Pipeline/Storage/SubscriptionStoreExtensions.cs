using Alerts.Core.Routing;

namespace Alerts.Pipeline.Storage;

/// <summary>Calls of <see cref="SubscriptionStore{T}"/> for the routing <see cref="Subscription"/>, keyed by its own owner and id.</summary>
public static class SubscriptionStoreExtensions
{
    /// <exception cref="StorageConflictException">The owner already has a subscription with this id.</exception>
    public static Task CreateAsync(this SubscriptionStore<Subscription> store, Subscription subscription, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(subscription);
        return store.CreateAsync(subscription.Owner, subscription.Id, subscription, cancellationToken);
    }
}
