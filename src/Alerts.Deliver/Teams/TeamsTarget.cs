using Alerts.Route.Notifications;
using Alerts.Route.Subscriptions;

namespace Alerts.Deliver.Teams;

/// <summary>A Teams subscription's target: a Workflows webhook URL the <see cref="WebhookUrlPolicy"/> allows.</summary>
public sealed class TeamsTarget(WebhookUrlPolicy policy) : IChannelTarget
{
    public string Channel => Channels.Teams;

    public string Description => "the Teams Workflows webhook URL";

    public string? Problem(string target) =>
        policy.Check(target) is { IsAllowed: false, Error: var error } ? "target is not an acceptable Teams webhook URL: " + error : null;
}
