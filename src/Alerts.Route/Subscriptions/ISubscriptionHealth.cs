namespace Alerts.Route.Subscriptions;

/// <summary>
/// What the deliver step knows of a subscription's endpoint, as the subscription API shows and resets it. Defined
/// here, implemented downstream (the deliver step's endpoint health), so routing never references delivery.
/// </summary>
public interface ISubscriptionHealth
{
    /// <summary>The pause repeated permanent failures put on the subscription; null while it is active.</summary>
    Task<SubscriptionPause?> GetPauseAsync(string subscriptionId, CancellationToken cancellationToken);

    /// <summary>Forgets the failures and lifts any pause (resume, delete).</summary>
    Task ForgetAsync(string subscriptionId, CancellationToken cancellationToken);
}

/// <param name="Reason">Why, with the last failure's (redacted) status; never the target.</param>
public sealed record SubscriptionPause(DateTimeOffset PausedAt, string? Reason);
