using Alerts.Route.Notifications;
using Alerts.Route.Subscriptions;

namespace Alerts.Deliver.Email;

/// <summary>An email subscription's target: one plain address.</summary>
public sealed class EmailTarget : IChannelTarget
{
    public string Channel => Channels.Email;

    public string Description => "the email address to send to";

    public string? Problem(string target) =>
        EmailAddresses.IsValid(target) ? null : "target is not a valid email address (expected name@example.com)";
}
