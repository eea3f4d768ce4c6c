using Microsoft.Extensions.Logging;

namespace Alerts.Platform.Bus;

/// <summary>The drain's log messages; the alert fingerprint is the correlation id of each.</summary>
public sealed partial class SubscriptionDrain
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Drained {Topic}/{Subscription}: {Received} received, {Completed} completed, {Retried} retried, {DeadLettered} dead-lettered, {Abandoned} abandoned, {Skipped} skipped in {ElapsedMs} ms")]
    private partial void LogSummary(string topic, string subscription, int received, int completed, int retried, int deadLettered, int abandoned, int skipped, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Time budget {Budget} spent draining {Topic}/{Subscription}; the rest waits for the next run")]
    private partial void LogBudgetSpent(string topic, string subscription, TimeSpan budget);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Message {MessageId} on {Topic}/{Subscription} is malformed at {JsonPath}: dead-lettered; correlation {CorrelationId}")]
    private partial void LogMalformed(string? correlationId, string messageId, string topic, string subscription, string jsonPath);

    [LoggerMessage(Level = LogLevel.Error, Message = "Handler failed for message {MessageId} on {Topic}/{Subscription}: abandoned; correlation {CorrelationId}")]
    private partial void LogHandlerFailed(Exception exception, string? correlationId, string messageId, string topic, string subscription);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Message {MessageId} dead-lettered: {Reason}; correlation {CorrelationId}")]
    private partial void LogDeadLettered(string? correlationId, string messageId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Message {MessageId} abandoned for redelivery (delivery {DeliveryCount}); correlation {CorrelationId}")]
    private partial void LogAbandoned(string? correlationId, string messageId, int deliveryCount);

    [LoggerMessage(Level = LogLevel.Information, Message = "Message {MessageId} retry {Attempt} scheduled for {At}; correlation {CorrelationId}")]
    private partial void LogRetryScheduled(string? correlationId, string messageId, int attempt, DateTimeOffset at);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not schedule a retry of message {MessageId}: abandoned instead; correlation {CorrelationId}")]
    private partial void LogRetryNotScheduled(Exception exception, string? correlationId, string messageId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lock of message {MessageId} lost before settlement: it will be redelivered; correlation {CorrelationId}")]
    private partial void LogLockLost(string? correlationId, string messageId);
}
