using Alerts.Evaluate.Lifecycle;
using Alerts.Pull.Statistics;
using Alerts.Route.Notifications;
using Alerts.Route.Routing;

namespace Alerts.Route.Subscriptions;

/// <summary>
/// A clearly labelled test notification, sent through the real path (the <c>notifications</c> topic, then the
/// channel's delivery), so its outcome shows in the subscription's delivery history like any other.
/// </summary>
public sealed class SubscriptionTestSend(SubscriptionStore<Subscription> store, NotificationPublisher publisher, TimeProvider time)
{
    /// <summary>The queued notification's id; null when the owner has no such subscription; the status when it is not active.</summary>
    public async Task<(string? NotificationId, SubscriptionStatus? NotActive)?> SendAsync(string owner, string id, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(owner, id, cancellationToken) is not { } subscription)
        {
            return null;
        }

        // A pending address gets nothing but its verification mail, and an unsubscribed one nothing at all.
        if (subscription.Status != SubscriptionStatus.Active)
        {
            return (null, subscription.Status);
        }

        var notification = Sample(subscription, time.GetUtcNow());
        await publisher.PublishAsync([notification], cancellationToken);
        return (notification.NotificationId, null);
    }

    /// <summary>The clearly labelled test notification of a subscription (also the test card a new Teams webhook must take).</summary>
    public static Notification Sample(Subscription subscription, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        var id = subscription.Id;
        var sample = new AlertEvent(
            $"test:{now.UtcTicks}", $"test/{id}", "test", "Test notification (sample values, not an alert)", "info",
            "85051110", "TEST: rare-earth permanent magnets (sample values)", "EU27_2020", TradeFlow.Import, "test", Basis.Weight,
            "cr1", 0.9, 0.65, AlertState.Firing, [], null, null, now, "test");
        return new Notification(
            NotificationIds.For(id, [sample.EventId]), id, subscription.Channel, subscription.Target, "test", NotificationReasons.Test, [sample], subscription.Name);
    }
}
