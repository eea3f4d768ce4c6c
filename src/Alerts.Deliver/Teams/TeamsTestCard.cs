using Alerts.Platform.Secrets;
using Alerts.Route.Notifications;
using Alerts.Route.Subscriptions;

namespace Alerts.Deliver.Teams;

/// <summary>
/// The test card a new Teams subscription's webhook must take before the subscription is stored (a Teams channel has
/// no double opt-in: the workflow's owner made the URL, and a URL that takes a card is one that works). Sent directly,
/// not through the topic, because the caller waits for the answer.
/// </summary>
public sealed class TeamsTestCard(TeamsNotifier notifier, TimeProvider time) : ITargetProbe
{
    public string Channel => Channels.Teams;

    public async Task<string?> ProbeAsync(Subscription subscription, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        var outcome = await notifier.SendAsync(SubscriptionTestSend.Sample(subscription, time.GetUtcNow()), cancellationToken);
        return outcome.Status == DeliveryStatus.Delivered ? null : SecretRedactor.Redact(outcome.Detail);
    }
}
