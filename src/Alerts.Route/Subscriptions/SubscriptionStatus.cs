namespace Alerts.Route.Subscriptions;

/// <summary>Where a subscription stands; the API writes it camelCase (<c>pendingVerification</c>).</summary>
public enum SubscriptionStatus
{
    /// <summary>An email target not yet confirmed by its owner: only the verification mail is sent to it.</summary>
    PendingVerification,

    /// <summary>Notifications are sent.</summary>
    Active,

    /// <summary>
    /// Repeated permanent delivery failures stopped the sends until the owner resumes it. Never stored on the
    /// subscription: it is the deliver step's endpoint health, seen through <see cref="ISubscriptionHealth"/>.
    /// </summary>
    Paused,

    /// <summary>The recipient unsubscribed (one-click link or header); nothing is sent any more.</summary>
    Unsubscribed,
}

/// <summary>The status a subscription shows: the stored one, with the deliver step's pause laid over an active one.</summary>
public static class SubscriptionStatuses
{
    public static SubscriptionStatus Of(Subscription subscription, SubscriptionPause? pause)
    {
        ArgumentNullException.ThrowIfNull(subscription);

        // A pause only matters while the subscription would otherwise send: an unsubscribed or unconfirmed one
        // stays what it is, so resuming it cannot bypass the recipient's choice or the opt-in.
        return subscription.Status == SubscriptionStatus.Active && pause is not null ? SubscriptionStatus.Paused : subscription.Status;
    }
}
