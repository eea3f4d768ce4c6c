namespace Alerts.Route.Subscriptions;

/// <summary>
/// A first message to a new subscription's target, before anything is stored, proving the target takes messages (the
/// Teams channel posts a test card to the webhook). Defined here, implemented by a channel folder of the deliver step,
/// so routing never references delivery; a channel without one (email: double opt-in instead) is not probed.
/// </summary>
public interface ITargetProbe
{
    /// <summary>The channel name (<see cref="Notifications.Channels"/>).</summary>
    string Channel { get; }

    /// <summary>Null when the target took the message; else what it answered, redacted (never the target itself).</summary>
    Task<string?> ProbeAsync(Subscription subscription, CancellationToken cancellationToken);
}
