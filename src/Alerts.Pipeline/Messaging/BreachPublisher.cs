using Alerts.Core.Alerts;
using Azure.Messaging.ServiceBus;

namespace Alerts.Pipeline.Messaging;

/// <summary>
/// Publishes alert events to <c>breaches</c>: MessageId = event id, CorrelationId = alert fingerprint, and
/// application properties any other system can filter its own subscription on.
/// </summary>
public sealed class BreachPublisher(ServiceBusClient client) : TopicPublisher<AlertEvent>(client, MessagingNames.BreachesTopic)
{
    protected override ServiceBusMessage Describe(AlertEvent item, BinaryData body) => new(body)
    {
        MessageId = item.EventId,
        CorrelationId = item.Fingerprint,
        ContentType = "application/json",
        Subject = $"{item.State.ToString().ToLowerInvariant()}: {item.RuleId} {item.Commodity} {item.Reporter} {item.Period}",
        ApplicationProperties =
        {
            ["severity"] = item.Severity,
            ["commodity"] = item.Commodity,
            ["reporter"] = item.Reporter,
            ["state"] = item.State.ToString().ToLowerInvariant(),
            ["ruleId"] = item.RuleId,
        },
    };
}
