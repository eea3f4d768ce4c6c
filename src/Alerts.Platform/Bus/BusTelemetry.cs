using System.Diagnostics;
using System.Diagnostics.Metrics;
using Azure.Messaging.ServiceBus;

namespace Alerts.Platform.Bus;

/// <summary>
/// Traces and metrics of the drains. The Service Bus SDK stamps every message it sends with the
/// <c>Diagnostic-Id</c> application property (the W3C trace parent of the span current at send time); the span of
/// handling a received message continues that trace, so a breach is one trace from the pull to the delivery.
/// </summary>
public static class BusTelemetry
{
    /// <summary>The name of the <see cref="ActivitySource"/> and the <see cref="Meter"/>.</summary>
    public const string Name = "Alerts.Bus";

    /// <summary>The application property the SDK puts the trace parent in.</summary>
    public const string DiagnosticIdProperty = "Diagnostic-Id";

    private static readonly ActivitySource Source = new(Name);
    private static readonly Meter Meter = new(Name);
    private static readonly Counter<long> DeadLettered = Meter.CreateCounter<long>(
        "alerts.messages.dead_lettered", "{message}", "Messages dead-lettered by a drain, by topic, subscription and reason.");

    /// <summary>
    /// Starts the span of handling received messages (<c>process {topic}/{subscription}</c>, kind consumer): a child
    /// of the first message's trace parent, linked to the other messages' (a routed batch may join several traces).
    /// Null when nothing listens.
    /// </summary>
    public static Activity? StartProcess(string topic, string subscription, IEnumerable<ServiceBusReceivedMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        ActivityContext parent = default;
        var links = new List<ActivityLink>();
        string? correlationId = null;
        var count = 0;
        foreach (var message in messages)
        {
            count++;
            correlationId ??= message.CorrelationId;
            if (!TryGetContext(message, out var context))
            {
                continue;
            }

            if (parent == default)
            {
                parent = context;
            }
            else
            {
                links.Add(new ActivityLink(context));
            }
        }

        var activity = Source.StartActivity($"process {topic}/{subscription}", ActivityKind.Consumer, parent, links: links);
        activity?.SetTag("messaging.system", "servicebus");
        activity?.SetTag("messaging.operation.type", "process");
        activity?.SetTag("messaging.destination.name", topic);
        activity?.SetTag("messaging.destination.subscription.name", subscription);
        activity?.SetTag("messaging.batch.message_count", count);
        activity?.SetTag("alerts.correlation_id", correlationId); // the alert fingerprint, as in the logs
        return activity;
    }

    public static void RecordDeadLettered(string topic, string subscription, string reason) =>
        DeadLettered.Add(1, new("messaging.destination.name", topic), new("messaging.destination.subscription.name", subscription), new("alerts.reason", reason));

    /// <summary>The trace context the sender's SDK stamped on the message, if any.</summary>
    public static bool TryGetContext(ServiceBusReceivedMessage message, out ActivityContext context)
    {
        ArgumentNullException.ThrowIfNull(message);
        context = default;
        return message.ApplicationProperties.TryGetValue(DiagnosticIdProperty, out var id)
            && id is string traceParent
            && ActivityContext.TryParse(traceParent, null, isRemote: true, out context);
    }
}
