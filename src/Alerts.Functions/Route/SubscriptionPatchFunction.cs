using System.Text.Json;
using Alerts.Functions.Http;
using Alerts.Route.Subscriptions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Alerts.Functions.Route;

/// <summary><c>PATCH /api/subscriptions/{id}</c>: a JSON merge patch (RFC 7396) of the caller's own subscription, guarded by <c>If-Match</c>.</summary>
public sealed class SubscriptionPatchFunction(SubscriptionUpdates updates)
{
    [Function(nameof(PatchSubscription))]
    public async Task<IActionResult> PatchSubscription(
        [HttpTrigger(AuthorizationLevel.Function, "patch", Route = "subscriptions/{id}")] HttpRequest request, string id, CancellationToken cancellationToken)
    {
        if (CallerIdentity.Of(request) is not { } owner)
        {
            return Problems.Unauthorized(request);
        }

        var (body, problem) = await JsonBody.ReadAsync<JsonDocument>(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        using var patch = body!;
        if (NoDataSubscribers.Check(request, patch.RootElement) is { } forbidden)
        {
            return forbidden;
        }

        var ifMatch = request.Headers.IfMatch.ToString() is { Length: > 0 } m ? m.Trim() : null;
        var result = await updates.PatchAsync(owner, id, patch.RootElement, ifMatch, cancellationToken);
        switch (result.Outcome)
        {
            case PatchOutcome.NotFound:
                return SubscriptionFunctions.NotYours(request, id);
            case PatchOutcome.PreconditionFailed:
                return Problems.Problem(request, StatusCodes.Status412PreconditionFailed, "The subscription has changed.",
                    "If-Match is not the subscription's current ETag: GET it again, then re-apply the change.");
            case PatchOutcome.Invalid:
                return Problems.Validation(request, result.Errors!);
            default:
                request.HttpContext.Response.Headers.ETag = result.ETag;
                return new OkObjectResult(result.View);
        }
    }
}
