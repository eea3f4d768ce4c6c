using System.Globalization;
using Alerts.Compute.Store;
using Alerts.Deliver.Email;
using Alerts.Deliver.Endpoints;
using Alerts.Deliver.History;
using Alerts.Deliver.Rendering;
using Alerts.Deliver.Teams;
using Alerts.Evaluate.Breaches;
using Alerts.Evaluate.Lifecycle;
using Alerts.Platform.Bus;
using Alerts.Platform.Secrets;
using Alerts.Platform.Storage;
using Alerts.Pull.Snapshots;
using Alerts.Pull.State;
using Alerts.Route.NotificationLog;
using Alerts.Route.Notifications;
using Alerts.Route.Routing;
using Alerts.Route.Silences;
using Alerts.Route.Subscriptions;
using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alerts.Deliver;

/// <summary>
/// Drains one channel's <c>notifications</c> subscription and delivers each notification with that channel's
/// notifier. Settlement follows the notifier's classification: delivered -> complete; transient -> retry no
/// earlier than the notifier says; permanent -> dead-letter with the reason. A notification already delivered
/// (a redelivery after a lost lock or a crash before settling) is completed without sending it again.
/// After <see cref="DeliveryOptions.PauseAfterPermanentFailures"/> consecutive permanent failures the
/// subscription is paused: its notifications are then dead-lettered (<see cref="PausedReason"/>) without being
/// sent, so a deleted webhook or mailbox is not tried forever, and stay inspectable until the owner resumes it.
/// </summary>
public sealed partial class DeliveryService(
    IEnumerable<INotifier> notifiers,
    SubscriptionDrain drain,
    DeliveryHistoryStore history,
    EndpointHealthStore endpoints,
    SubscriptionStore<Subscription> subscriptions,
    IOptions<DrainOptions> drainOptions,
    IOptions<DeliveryOptions> deliveryOptions,
    TimeProvider time,
    ILogger<DeliveryService> logger)
{
    /// <summary>Wait before retrying a transient failure that named no time of its own (5xx, timeouts).</summary>
    public static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(30);

    /// <summary>Dead-letter reason of a notification not sent because its subscription is paused.</summary>
    public const string PausedReason = "SubscriptionPaused";

    public async Task<DrainSummary> RunAsync(string channel, CancellationToken cancellationToken)
    {
        var notifier = notifiers.FirstOrDefault(n => n.Channel == channel)
            ?? throw new InvalidOperationException($"No notifier is registered for channel '{channel}'.");
        var dropped = 0;
        var summary = await drain.DrainAsync<Notification>(
            ServiceBusNames.NotificationsTopic,
            channel,
            async (n, message, ct) =>
            {
                if (await DropReasonAsync(n, ct) is { } reason)
                {
                    Interlocked.Increment(ref dropped);
                    LogDropped(n.NotificationId, message.CorrelationId, n.SubscriptionId, channel, reason);
                    return Settlement.Complete;
                }

                return await DeliverAsync(notifier, n, message, ct);
            },
            drainOptions.Value,
            cancellationToken);
        LogRun(channel, summary.Received, summary.Completed, summary.Retried, summary.DeadLettered, dropped);
        return summary;
    }

    // A notification queued before its subscription was deleted, unsubscribed or re-targeted to an unconfirmed address
    // is not sent: the recipient's latest word wins over what was queued. Completed, not dead-lettered: nobody is to replay it.
    private async Task<string?> DropReasonAsync(Notification notification, CancellationToken cancellationToken) =>
        await subscriptions.FindAsync(notification.SubscriptionId, cancellationToken) switch
        {
            null => "deleted",
            { Status: SubscriptionStatus.Unsubscribed } => "unsubscribed",
            { Status: SubscriptionStatus.PendingVerification } => "pending verification",
            _ => null,
        };

    private async Task<Settlement> DeliverAsync(INotifier notifier, Notification notification, ServiceBusReceivedMessage message, CancellationToken cancellationToken)
    {
        var attempts = new List<DeliveryAttempt>();
        await foreach (var a in history.ListAsync(notification.NotificationId, cancellationToken))
        {
            attempts.Add(a);
        }

        if (attempts.Exists(a => a.Outcome == DeliveryStatus.Delivered))
        {
            LogAlreadyDelivered(notification.NotificationId, message.CorrelationId);
            return Settlement.Complete;
        }

        var health = await endpoints.GetAsync(notification.SubscriptionId, cancellationToken);
        if (health.IsPaused)
        {
            LogPausedSkip(notification.NotificationId, message.CorrelationId, notification.SubscriptionId, notifier.Channel, health.PausedAt!.Value);
            DeliverTelemetry.RecordFailure(notifier.Channel, notification.Reason, DeliverTelemetry.PausedError);
            return Settlement.DeadLetter(
                PausedReason,
                string.Create(CultureInfo.InvariantCulture, $"Not sent: subscription {notification.SubscriptionId} is paused since {health.PausedAt:O} ({health.PauseReason}); its owner resumes it with POST /api/subscriptions/{notification.SubscriptionId}/resume."));
        }

        // Record the attempt before sending: if the worker stops or storage fails between the send and the outcome's record,
        // the redelivery finds this row without an outcome and sends again knowingly (see README, "Delivery guarantee").
        // A failure to write it abandons the message before anything was sent.
        var attempt = attempts.Count == 0 ? 1 : attempts.Max(a => a.Attempt) + 1;
        var eventIds = notification.Events.Select(e => e.EventId).ToList();
        var unresolved = PendingAttempts.Unresolved(attempts);
        if (unresolved is { } previous)
        {
            LogUnresolved(notification.NotificationId, message.CorrelationId, notifier.Channel, previous);
            DeliverTelemetry.RecordUnresolved(notifier.Channel);
        }

        await history.RecordAsync(
            new DeliveryAttempt(notification.NotificationId, notifier.Channel, DeliveryStatus.Pending, PendingAttempts.Detail(unresolved), time.GetUtcNow(), attempt, notification.SubscriptionId, eventIds),
            cancellationToken);
        var outcome = await notifier.SendAsync(notification, cancellationToken);
        var at = time.GetUtcNow();
        await history.RecordAsync(
            new DeliveryAttempt(notification.NotificationId, notifier.Channel, outcome.Status, outcome.Detail, at, attempt, notification.SubscriptionId, eventIds),
            cancellationToken);
        LogAttempt(notification.NotificationId, message.CorrelationId, notifier.Channel, attempt, outcome.Status, outcome.Detail);
        DeliverTelemetry.RecordAttempt(notifier.Channel, notification.Reason, outcome.Status);
        if (outcome.Status != DeliveryStatus.Retry)
        {
            var pauseAfter = deliveryOptions.Value.PauseAfterPermanentFailures;
            var after = await endpoints.UpdateAsync(notification.SubscriptionId, h => h.After(outcome, pauseAfter, at), cancellationToken);
            if (after.IsPaused && after.PausedAt == at)
            {
                LogPaused(notification.SubscriptionId, notifier.Channel, after.ConsecutivePermanentFailures, outcome.Detail);
                await history.RecordAsync(
                    new SubscriptionStep(notification.SubscriptionId, notifier.Channel, SubscriptionSteps.Paused, at,
                        string.Create(CultureInfo.InvariantCulture, $"Paused after {after.ConsecutivePermanentFailures} consecutive permanent failures (last: {SecretRedactor.Redact(outcome.Detail)}); the owner resumes it.")),
                    cancellationToken);
            }
        }

        return outcome.ToSettlement(RetryDelay);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivery run on {Channel}: {Received} received, {Completed} completed, {Retried} retried, {DeadLettered} dead-lettered, {Dropped} dropped")]
    private partial void LogRun(string channel, int received, int completed, int retried, int deadLettered, int dropped);

    [LoggerMessage(Level = LogLevel.Information, Message = "Notification {NotificationId} (alert {CorrelationId}) dropped, not sent: subscription {SubscriptionId} on {Channel} is {Reason}")]
    private partial void LogDropped(string notificationId, string correlationId, string subscriptionId, string channel, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Notification {NotificationId} (alert {CorrelationId}) was already delivered: completing without sending")]
    private partial void LogAlreadyDelivered(string notificationId, string correlationId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notification {NotificationId} (alert {CorrelationId}) not sent: subscription {SubscriptionId} on {Channel} is paused since {PausedAt}; dead-lettering it")]
    private partial void LogPausedSkip(string notificationId, string correlationId, string subscriptionId, string channel, DateTimeOffset pausedAt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Subscription {SubscriptionId} on {Channel} paused after {Failures} consecutive permanent delivery failures (last: {Detail}); its owner must resume it")]
    private partial void LogPaused(string subscriptionId, string channel, int failures, string detail);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notification {NotificationId} (alert {CorrelationId}) on {Channel}: the outcome of attempt {Attempt} was never recorded; sending again (a possible duplicate, as the delivery guarantee allows)")]
    private partial void LogUnresolved(string notificationId, string correlationId, string channel, int attempt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Notification {NotificationId} (alert {CorrelationId}) on {Channel}, attempt {Attempt}: {Outcome} ({Detail})")]
    private partial void LogAttempt(string notificationId, string correlationId, string channel, int attempt, DeliveryStatus outcome, string detail);
}
