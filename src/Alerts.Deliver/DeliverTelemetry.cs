using System.Diagnostics.Metrics;

namespace Alerts.Deliver;

/// <summary>Metrics of step 5: notifications delivered or failed, by channel and reason.</summary>
public static class DeliverTelemetry
{
    /// <summary>The name of the <see cref="Meter"/>.</summary>
    public const string Name = "Alerts.Deliver";

    /// <summary>The <c>error.type</c> of a notification not sent because its subscription is paused.</summary>
    public const string PausedError = "subscription_paused";

    private static readonly Meter Meter = new(Name);
    private static readonly Counter<long> Delivered = Meter.CreateCounter<long>(
        "alerts.notifications.delivered", "{notification}", "Notifications delivered, by channel and the reason they were sent.");
    private static readonly Counter<long> Failed = Meter.CreateCounter<long>(
        "alerts.notifications.failed", "{notification}", "Delivery attempts that failed, by channel, the reason the notification was sent and error.type (transient, permanent, subscription_paused).");

    private static readonly Counter<long> Unresolved = Meter.CreateCounter<long>(
        "alerts.notifications.unresolved", "{notification}", "Notifications sent again because an earlier attempt's outcome was never recorded (a possible duplicate), by channel.");

    /// <summary>A notification sent again after an attempt whose outcome is unknown: the duplicate the delivery guarantee allows.</summary>
    public static void RecordUnresolved(string channel) => Unresolved.Add(1, new KeyValuePair<string, object?>("alerts.channel", channel));

    /// <param name="reason">Why the notification was sent (<c>first</c>, <c>resolved</c>, ...).</param>
    public static void RecordAttempt(string channel, string reason, DeliveryStatus status)
    {
        if (status == DeliveryStatus.Delivered)
        {
            Delivered.Add(1, new("alerts.channel", channel), new("alerts.notification.reason", reason));
        }
        else
        {
            RecordFailure(channel, reason, status == DeliveryStatus.Retry ? "transient" : "permanent");
        }
    }

    public static void RecordFailure(string channel, string reason, string errorType) =>
        Failed.Add(1, new("alerts.channel", channel), new("alerts.notification.reason", reason), new("error.type", errorType));
}
