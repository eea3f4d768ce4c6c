using System.Text.Json;
using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alerts.Pipeline.Messaging;

/// <summary>
/// Drains one Service Bus subscription for a timer run: peek-lock, bounded batches, a time budget and a
/// message cap per run, one shared <see cref="ServiceBusClient"/>, the receiver disposed at the end. Handlers
/// are trigger-agnostic: they get the deserialized body and say how to settle (<see cref="Settlement"/>).
/// <list type="bullet">
/// <item>a body that does not deserialize is dead-lettered with <c>MalformedMessage</c>, naming the JSON path;</item>
/// <item>a retry schedules a copy (MessageId <c>{id}:retry{n}</c>, so duplicate detection does not drop it)
/// for the requested time and completes the original; after <see cref="ServiceBusOptions.MaxRetries"/> it dead-letters with <c>RetriesExhausted</c>;</item>
/// <item>a handler that throws abandons the message: Service Bus redelivers it and dead-letters it at its max delivery count.</item>
/// </list>
/// </summary>
public sealed partial class SubscriptionDrain(ServiceBusClient client, IOptions<ServiceBusOptions> options, TimeProvider time, ILogger<SubscriptionDrain> logger)
{
    public async Task<DrainSummary> RunAsync<T>(
        string topic, string subscription, Func<T, ServiceBusReceivedMessage, CancellationToken, Task<Settlement>> handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handler);
        var o = options.Value;
        var deadline = time.GetUtcNow() + o.RunBudget;
        int received = 0, completed = 0, retried = 0, deadLettered = 0;
        await using var receiver = client.CreateReceiver(topic, subscription, new ServiceBusReceiverOptions { ReceiveMode = ServiceBusReceiveMode.PeekLock });
        await using var sender = client.CreateSender(topic);
        while (received < o.MaxMessagesPerRun && time.GetUtcNow() < deadline && !cancellationToken.IsCancellationRequested)
        {
            var batch = await receiver.ReceiveMessagesAsync(Math.Min(o.BatchSize, o.MaxMessagesPerRun - received), o.ReceiveWait, cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }

            foreach (var message in batch)
            {
                received++;
                using var scope = logger.BeginScope(new Dictionary<string, object> { ["CorrelationId"] = message.CorrelationId ?? string.Empty, ["MessageId"] = message.MessageId });
                var settlement = await HandleAsync(message, handler, cancellationToken);
                switch (settlement?.Kind)
                {
                    case null:
                        await receiver.AbandonMessageAsync(message, cancellationToken: cancellationToken);
                        break;
                    case SettlementKind.Complete:
                        await receiver.CompleteMessageAsync(message, cancellationToken);
                        completed++;
                        break;
                    case SettlementKind.Retry when Attempt(message) >= o.MaxRetries:
                        await receiver.DeadLetterMessageAsync(message, "RetriesExhausted", $"Still failing after {o.MaxRetries} retries.", cancellationToken);
                        deadLettered++;
                        break;
                    case SettlementKind.Retry:
                        await ScheduleRetryAsync(sender, message, settlement.RetryAfter ?? Backoff(o, Attempt(message)), cancellationToken);
                        await receiver.CompleteMessageAsync(message, cancellationToken);
                        retried++;
                        break;
                    case SettlementKind.DeadLetter:
                        await receiver.DeadLetterMessageAsync(message, settlement.Reason, settlement.Description, cancellationToken);
                        LogDeadLettered(topic, subscription, message.MessageId, settlement.Reason ?? string.Empty, settlement.Description ?? string.Empty);
                        deadLettered++;
                        break;
                }
            }
        }

        return new DrainSummary(received, completed, retried, deadLettered);
    }

    private async Task<Settlement?> HandleAsync<T>(
        ServiceBusReceivedMessage message, Func<T, ServiceBusReceivedMessage, CancellationToken, Task<Settlement>> handler, CancellationToken cancellationToken)
    {
        T? body;
        try
        {
            body = JsonSerializer.Deserialize<T>(message.Body.ToMemory().Span, MessageJson.Options);
        }
        catch (JsonException e)
        {
            return Settlement.DeadLetter("MalformedMessage", $"The body is not a {typeof(T).Name} at {e.Path ?? "$"}: {e.Message}");
        }

        if (body is null)
        {
            return Settlement.DeadLetter("MalformedMessage", $"The body is not a {typeof(T).Name}: it is null.");
        }

        try
        {
            return await handler(body, message, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Unexpected: let Service Bus redeliver; its max delivery count bounds the attempts.
            LogHandlerFailed(e, message.MessageId, message.DeliveryCount);
            return null;
        }
    }

    private async Task ScheduleRetryAsync(ServiceBusSender sender, ServiceBusReceivedMessage message, TimeSpan delay, CancellationToken cancellationToken)
    {
        var attempt = Attempt(message) + 1;
        var copy = new ServiceBusMessage(message)
        {
            MessageId = $"{OriginalId(message)}:retry{attempt}",
        };
        copy.ApplicationProperties[MessagingNames.AttemptProperty] = attempt;
        copy.ApplicationProperties["originalMessageId"] = OriginalId(message);
        var at = time.GetUtcNow() + delay;
        await sender.ScheduleMessageAsync(copy, at, cancellationToken);
        LogRetryScheduled(message.MessageId, attempt, at);
    }

    private static int Attempt(ServiceBusReceivedMessage message) =>
        message.ApplicationProperties.TryGetValue(MessagingNames.AttemptProperty, out var a) && a is int n ? n : 0;

    private static string OriginalId(ServiceBusReceivedMessage message) =>
        message.ApplicationProperties.TryGetValue("originalMessageId", out var id) && id is string s ? s : message.MessageId;

    private static TimeSpan Backoff(ServiceBusOptions o, int attempt) => o.RetryBaseDelay * Math.Pow(2, Math.Min(attempt, 10));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Message {MessageId} from {Topic}/{Subscription} dead-lettered: {Reason} ({Description})")]
    private partial void LogDeadLettered(string topic, string subscription, string messageId, string reason, string description);

    [LoggerMessage(Level = LogLevel.Error, Message = "Handler failed on message {MessageId} (delivery {DeliveryCount}); abandoned for redelivery")]
    private partial void LogHandlerFailed(Exception exception, string messageId, int deliveryCount);

    [LoggerMessage(Level = LogLevel.Information, Message = "Message {MessageId} retry {Attempt} scheduled for {At}")]
    private partial void LogRetryScheduled(string messageId, int attempt, DateTimeOffset at);
}
