using Alerts.Platform.Bus;
using Alerts.Platform.Storage;
using Azure;
using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.Logging;

namespace Alerts.Route.Subscriptions;

/// <summary>
/// What follows a subscription becoming active (an email address confirmed, a Teams webhook that took its test card):
/// the step in its history, then the alerts firing now, once (<see cref="CurrentAlertsSender"/>).
/// </summary>
public sealed partial class SubscriptionActivation(CurrentAlertsSender current, ISubscriptionJournal journal, TimeProvider time, ILogger<SubscriptionActivation> logger)
{
    public async Task ActivatedAsync(Subscription subscription, string step, string detail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        await journal.RecordAsync(new SubscriptionStep(subscription.Id, subscription.Channel, step, time.GetUtcNow(), detail), cancellationToken);
        try
        {
            if (await current.SendAsync(subscription, cancellationToken) is { } sent)
            {
                await journal.RecordAsync(
                    new SubscriptionStep(subscription.Id, subscription.Channel, SubscriptionSteps.CurrentAlertsSent, time.GetUtcNow(),
                        $"The {sent.Events.Count} alerts firing now were queued as notification {sent.NotificationId}."),
                    cancellationToken);
            }
        }
        catch (Exception e) when (e is RequestFailedException or ServiceBusException or StorageConflictException or MessageTooLargeException)
        {
            // The subscription is active whatever happens here: it hears of the next changes as every subscriber does.
            LogCurrentAlertsFailed(e, subscription.Id);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Subscription {SubscriptionId} is active, but the alerts firing now could not be sent to it")]
    private partial void LogCurrentAlertsFailed(Exception exception, string subscriptionId);
}
