using Alerts.Core.Delivery;
using Alerts.Core.Routing;
using Alerts.Pipeline.Messaging;
using Alerts.Pipeline.Storage;
using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alerts.Pipeline.Delivery;

/// <summary>
/// Drains one channel's <c>notifications</c> subscription and delivers each notification with that channel's
/// notifier. Settlement follows the notifier's classification: delivered -> complete; transient -> retry no
/// earlier than the notifier says; permanent -> dead-letter with the reason. A notification already delivered
/// (a redelivery after a lost lock or a crash before settling) is completed without sending it again.
/// </summary>
public sealed partial class DeliveryService(
    IEnumerable<INotifier> notifiers,
    SubscriptionDrain drain,
    DeliveryHistoryStore history,
    IOptions<DrainOptions> drainOptions,
    TimeProvider time,
    ILogger<DeliveryService> logger)
{
    /// <summary>Wait before retrying a transient failure that named no time of its own (5xx, timeouts).</summary>
    public static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(30);

    public async Task<DrainSummary> RunAsync(string channel, CancellationToken cancellationToken)
    {
        var notifier = notifiers.FirstOrDefault(n => n.Channel == channel)
            ?? throw new InvalidOperationException($"No notifier is registered for channel '{channel}'.");
        var summary = await drain.DrainAsync<Notification>(
            ServiceBusNames.NotificationsTopic, channel, (n, message, ct) => DeliverAsync(notifier, n, message, ct), drainOptions.Value, cancellationToken);
        LogRun(channel, summary.Received, summary.Completed, summary.Retried, summary.DeadLettered);
        return summary;
    }

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

        var outcome = await notifier.SendAsync(notification, cancellationToken);
        var attempt = attempts.Count + 1;
        await history.RecordAsync(
            new DeliveryAttempt(notification.NotificationId, notifier.Channel, outcome.Status, outcome.Detail, time.GetUtcNow(), attempt, notification.SubscriptionId),
            cancellationToken);
        LogAttempt(notification.NotificationId, message.CorrelationId, notifier.Channel, attempt, outcome.Status, outcome.Detail);
        return Settlement.From(outcome, RetryDelay);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivery run on {Channel}: {Received} received, {Completed} completed, {Retried} retried, {DeadLettered} dead-lettered")]
    private partial void LogRun(string channel, int received, int completed, int retried, int deadLettered);

    [LoggerMessage(Level = LogLevel.Information, Message = "Notification {NotificationId} (alert {CorrelationId}) was already delivered: completing without sending")]
    private partial void LogAlreadyDelivered(string notificationId, string correlationId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Notification {NotificationId} (alert {CorrelationId}) on {Channel}, attempt {Attempt}: {Outcome} ({Detail})")]
    private partial void LogAttempt(string notificationId, string correlationId, string channel, int attempt, DeliveryStatus outcome, string detail);
}
