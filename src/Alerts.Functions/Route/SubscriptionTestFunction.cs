using System.Text.Json;
using Alerts.Functions.Http;
using Alerts.Route.Subscriptions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Alerts.Functions.Route;

/// <summary><c>POST /api/subscriptions/{id}/test</c>: queues a labelled test notification to the caller's subscription; its outcome shows in the delivery history.</summary>
public sealed class SubscriptionTestFunction(SubscriptionTestSend testSend)
{
    [Function(nameof(TestSubscription))]
    public async Task<IActionResult> TestSubscription(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "subscriptions/{id}/test")] HttpRequest request, string id, CancellationToken cancellationToken)
    {
        if (CallerIdentity.Of(request) is not { } owner)
        {
            return Problems.Unauthorized(request);
        }

        switch (await testSend.SendAsync(owner, id, cancellationToken))
        {
            case null:
                return SubscriptionFunctions.NotYours(request, id);
            case { NotActive: { } status }:
                return Problems.Problem(request, StatusCodes.Status409Conflict, "Not active.",
                    $"Subscription '{id}' is {JsonNamingPolicy.CamelCase.ConvertName(status.ToString())}: only an active subscription gets a test notification.");
            case { NotificationId: { } notificationId }:
                return new AcceptedResult($"/api/subscriptions/{id}/deliveries", new { notificationId });
            default:
                throw new InvalidOperationException("A test send either queues a notification or says why not.");
        }
    }
}
