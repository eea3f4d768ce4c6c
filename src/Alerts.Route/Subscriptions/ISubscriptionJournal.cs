namespace Alerts.Route.Subscriptions;

/// <summary>
/// Where a subscription's own steps (subscribed, confirmed, unsubscribed, paused...) are written beside its deliveries,
/// so its history tells the whole story. Defined here, implemented downstream (the deliver step's history), so routing
/// never references delivery.
/// </summary>
public interface ISubscriptionJournal
{
    /// <summary>Records one step; <see cref="SubscriptionStep.Detail"/> must hold no target or secret.</summary>
    Task RecordAsync(SubscriptionStep step, CancellationToken cancellationToken);
}

/// <param name="Kind">One of <see cref="SubscriptionSteps"/>.</param>
/// <param name="Detail">A sentence for the owner, never the target.</param>
public sealed record SubscriptionStep(string SubscriptionId, string Channel, string Kind, DateTimeOffset At, string? Detail = null);

/// <summary>The steps a subscription's history shows besides deliveries (the API writes them as <c>kind</c>).</summary>
public static class SubscriptionSteps
{
    public const string Subscribed = "subscribed";
    public const string VerificationSent = "verificationSent";
    public const string Confirmed = "confirmed";
    public const string Updated = "updated";
    public const string Unsubscribed = "unsubscribed";
    public const string Paused = "paused";
    public const string Resumed = "resumed";
    public const string CurrentAlertsSent = "currentAlertsSent";
}
