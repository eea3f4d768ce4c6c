using Alerts.Deliver.Endpoints;
using Alerts.Functions.Http;
using Alerts.Route.Subscriptions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Alerts.Functions.Route;

/// <summary>
/// <c>POST /api/subscriptions/{id}/pause</c>: the owner pauses a subscription (200 with it); <c>/resume</c> lifts it.
/// The pause is the one repeated delivery failures put on (the deliver step's endpoint health), with its own reason,
/// so routing, delivery and the API treat both alike.
/// </summary>
public sealed class SubscriptionPauseFunction(SubscriptionService subscriptions, EndpointHealthStore health, TimeProvider time)
{
    public const string OwnerPauseReason = "paused by the owner";

    [Function(nameof(PauseSubscription))]
    public async Task<IActionResult> PauseSubscription(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "subscriptions/{id}/pause")] HttpRequest request, string id, CancellationToken cancellationToken)
    {
        if (CallerIdentity.Of(request) is not { } owner)
        {
            return Problems.Unauthorized(request);
        }

        return await PauseAsync(subscriptions, health, time, owner, id, cancellationToken) is { } view
            ? new OkObjectResult(view)
            : SubscriptionFunctions.NotYours(request, id);
    }

    /// <summary>Pauses the owner's subscription (a paused one keeps its first pause); null when it is not theirs.</summary>
    public static async Task<SubscriptionView?> PauseAsync(
        SubscriptionService subscriptions, EndpointHealthStore health, TimeProvider time, string owner, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscriptions);
        ArgumentNullException.ThrowIfNull(health);
        ArgumentNullException.ThrowIfNull(time);
        if (await subscriptions.GetAsync(owner, id, cancellationToken) is null)
        {
            return null;
        }

        await health.UpdateAsync(id, h => h.IsPaused ? h : h with { PausedAt = time.GetUtcNow(), PauseReason = OwnerPauseReason }, cancellationToken);
        return await subscriptions.GetAsync(owner, id, cancellationToken);
    }
}
