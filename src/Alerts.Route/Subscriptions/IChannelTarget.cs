namespace Alerts.Route.Subscriptions;

/// <summary>
/// How one channel's targets are checked when a subscription is created: each channel folder of the deliver step
/// implements it (email addresses, Teams webhook URLs), so routing never references delivery.
/// </summary>
public interface IChannelTarget
{
    /// <summary>The channel name (<see cref="Notifications.Channels"/>).</summary>
    string Channel { get; }

    /// <summary>What the target is, for "target is required: ..." (e.g. "the email address to send to").</summary>
    string Description { get; }

    /// <summary>Why <paramref name="target"/> is not acceptable, or null when it is.</summary>
    string? Problem(string target);
}
