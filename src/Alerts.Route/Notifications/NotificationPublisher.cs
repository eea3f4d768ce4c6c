using Alerts.Evaluate.Breaches;
using Alerts.Platform.Bus;
using Alerts.Route.NotificationLog;
using Alerts.Route.Routing;
using Alerts.Route.Silences;
using Alerts.Route.Subscriptions;
using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.Logging;

namespace Alerts.Route.Notifications;

/// <summary>
/// Publishes notifications to the <c>notifications</c> topic: JSON body, MessageId = notification id,
/// application property <c>channel</c> (the <c>email</c> and <c>teams</c> subscriptions filter on it),
/// CorrelationId = the alert fingerprint when the notification is about one alert, else the group key.
/// The target is in the body only: it is never logged nor put in a property.
/// </summary>
public sealed partial class NotificationPublisher : IAsyncDisposable
{
    private readonly BusPublisher<Notification> bus;
    private readonly ILogger<NotificationPublisher> logger;

    public NotificationPublisher(ServiceBusClient client, ILogger<NotificationPublisher> logger)
    {
        bus = new BusPublisher<Notification>(client, ServiceBusNames.NotificationsTopic, EnvelopeOf);
        this.logger = logger;
    }

    public static string CorrelationIdOf(Notification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var fingerprints = notification.Events.Select(e => e.Fingerprint).Distinct(StringComparer.Ordinal).ToList();
        return fingerprints.Count == 1 ? fingerprints[0] : notification.GroupKey;
    }

    public static MessageEnvelope EnvelopeOf(Notification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        return new MessageEnvelope(
            notification.NotificationId,
            CorrelationIdOf(notification),
            $"{notification.Channel}: {notification.Reason} ({notification.Events.Count} events)",
            new Dictionary<string, object>
            {
                [MessageProperties.Channel] = notification.Channel,
                [MessageProperties.SubscriptionId] = notification.SubscriptionId,
            });
    }

    public static ServiceBusMessage CreateMessage(Notification notification) => BusPublisher<Notification>.CreateMessage(notification, EnvelopeOf(notification));

    /// <exception cref="MessageTooLargeException">A notification does not fit in one message (group fewer events).</exception>
    public async Task PublishAsync(IReadOnlyList<Notification> notifications, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notifications);
        if (notifications.Count == 0)
        {
            return;
        }

        await bus.PublishAsync(notifications, cancellationToken).ConfigureAwait(false);
        foreach (var n in notifications)
        {
            LogPublished(CorrelationIdOf(n), n.NotificationId, n.Channel, n.SubscriptionId, n.Events.Count, n.Reason);
        }
    }

    public ValueTask DisposeAsync() => bus.DisposeAsync();

    [LoggerMessage(Level = LogLevel.Information, Message = "Published notification {NotificationId} on {Channel} for subscription {SubscriptionId} ({EventCount} events, {Reason}); correlation {CorrelationId}")]
    private partial void LogPublished(string correlationId, string notificationId, string channel, string subscriptionId, int eventCount, string reason);
}
