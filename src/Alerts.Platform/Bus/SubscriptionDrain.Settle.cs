using System.Globalization;
using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.Logging;

namespace Alerts.Platform.Bus;

/// <summary>The settling half of the drain: each message as its handler said, and delayed retries as scheduled copies.</summary>
public sealed partial class SubscriptionDrain
{
    /// <summary>Settles one message as its handler said (null: abandon for redelivery).</summary>
    private async Task<ServiceBusSender?> SettleAsync(
        ServiceBusReceiver receiver, ServiceBusSender? retrySender, ServiceBusReceivedMessage message, Settlement? settlement, DrainOptions options, Run run)
    {
        using var scope = logger.BeginScope(new Dictionary<string, object?> { ["CorrelationId"] = message.CorrelationId, ["MessageId"] = message.MessageId });
        try
        {
            switch (settlement?.Kind)
            {
                case null:
                    await receiver.AbandonMessageAsync(message, cancellationToken: CancellationToken.None).ConfigureAwait(false);
                    run.Abandoned++;
                    break;
                case SettlementKind.Complete:
                    await receiver.CompleteMessageAsync(message, CancellationToken.None).ConfigureAwait(false);
                    run.Completed++;
                    break;
                case SettlementKind.DeadLetter:
                    LogDeadLettered(message.CorrelationId, message.MessageId, settlement.Reason!);
                    await receiver.DeadLetterMessageAsync(message, settlement.Reason, Cut(settlement.Description ?? string.Empty), CancellationToken.None).ConfigureAwait(false);
                    run.DeadLettered++;
                    BusTelemetry.RecordDeadLettered(run.Topic, run.Subscription, settlement.Reason!);
                    break;
                case SettlementKind.Retry when settlement.RetryAfter is null:
                    LogAbandoned(message.CorrelationId, message.MessageId, message.DeliveryCount);
                    await receiver.AbandonMessageAsync(message, cancellationToken: CancellationToken.None).ConfigureAwait(false);
                    run.Retried++;
                    break;
                default:
                    retrySender = await ScheduleRetryAsync(receiver, retrySender, message, settlement.RetryAfter!.Value, options, run).ConfigureAwait(false);
                    break;
            }
        }
        catch (ServiceBusException e) when (e.Reason == ServiceBusFailureReason.MessageLockLost)
        {
            // The lock expired while the handler ran: Service Bus redelivers the message, handlers are idempotent.
            LogLockLost(message.CorrelationId, message.MessageId);
            run.Abandoned++;
        }

        return retrySender;
    }

    private async Task<ServiceBusSender> ScheduleRetryAsync(
        ServiceBusReceiver receiver, ServiceBusSender? sender, ServiceBusReceivedMessage message, TimeSpan after, DrainOptions options, Run run)
    {
        sender ??= client.CreateSender(run.Topic);
        var attempt = RetryAttemptOf(message) + 1;
        var original = message.ApplicationProperties.TryGetValue(MessageProperties.OriginalMessageId, out var o) && o is string s ? s : message.MessageId;
        if (attempt > options.MaxRetries)
        {
            LogDeadLettered(message.CorrelationId, message.MessageId, MaxRetriesExceededReason);
            await receiver.DeadLetterMessageAsync(message, MaxRetriesExceededReason, $"Retried {options.MaxRetries} times.", CancellationToken.None).ConfigureAwait(false);
            run.DeadLettered++;
            BusTelemetry.RecordDeadLettered(run.Topic, run.Subscription, MaxRetriesExceededReason);
            return sender;
        }

        var copy = new ServiceBusMessage(message)
        {
            MessageId = string.Create(CultureInfo.InvariantCulture, $"{original}:retry{attempt}"),
        };
        copy.ApplicationProperties[MessageProperties.RetryAttempt] = attempt;
        copy.ApplicationProperties[MessageProperties.OriginalMessageId] = original;
        copy.ApplicationProperties[MessageProperties.RetryFor] = run.Subscription;
        var at = time.GetUtcNow() + after;
        try
        {
            await sender.ScheduleMessageAsync(copy, at, CancellationToken.None).ConfigureAwait(false);
        }
        catch (ServiceBusException e)
        {
            // Not scheduled: give the original back rather than lose it.
            LogRetryNotScheduled(e, message.CorrelationId, message.MessageId);
            await receiver.AbandonMessageAsync(message, cancellationToken: CancellationToken.None).ConfigureAwait(false);
            run.Abandoned++;
            return sender;
        }

        await receiver.CompleteMessageAsync(message, CancellationToken.None).ConfigureAwait(false);
        LogRetryScheduled(message.CorrelationId, message.MessageId, attempt, at);
        run.Retried++;
        return sender;
    }
}
