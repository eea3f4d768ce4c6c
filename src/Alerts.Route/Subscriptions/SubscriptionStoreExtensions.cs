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
