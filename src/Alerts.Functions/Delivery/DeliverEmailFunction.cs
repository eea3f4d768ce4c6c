using Alerts.Core.Routing;
using Alerts.Pipeline.Delivery;
using Microsoft.Azure.Functions.Worker;

namespace Alerts.Functions.Delivery;

/// <summary>Drains <c>notifications/email</c> on a timer and sends each by SMTP.</summary>
public sealed class DeliverEmailFunction(DeliveryService delivery)
{
    [Function(nameof(DeliverEmail))]
    public Task DeliverEmail([TimerTrigger("%Schedules:DeliverEmail%")] TimerInfo timer, CancellationToken cancellationToken) =>
        delivery.RunAsync(Channels.Email, cancellationToken);
}
