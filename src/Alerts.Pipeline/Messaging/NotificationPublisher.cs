using Alerts.Core.Routing;
using Azure.Messaging.ServiceBus;

namespace Alerts.Pipeline.Messaging;

/// <summary>
/// Publishes notifications to <c>notifications</c>: MessageId = notification id (subscription + events),
/// application property <c>channel</c> for the <c>email</c> / <c>teams</c> subscriptions' filters,
/// CorrelationId = the first event's alert fingerprint. The target travels in the body, never in properties.
/// </summary>
public sealed class NotificationPublisher(ServiceBusClient client) : TopicPublisher<Notification>(client, MessagingNames.NotificationsTopic)
{
    protected override ServiceBusMessage Describe(Notification item, BinaryData body) => new(body)
    {
        MessageId = item.NotificationId,
        CorrelationId = item.Events.Count > 0 ? item.Events[0].Fingerprint : item.NotificationId,
        ContentType = "application/json",
        Subject = $"{item.Channel}: {item.Reason}",
        ApplicationProperties =
        {
            [MessagingNames.ChannelProperty] = item.Channel,
            ["subscriptionId"] = item.SubscriptionId,
            ["reason"] = item.Reason,
        },
    };
}
