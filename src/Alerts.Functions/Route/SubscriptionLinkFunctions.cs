using Alerts.Deliver.Email;
using Alerts.Functions.Http;
using Alerts.Route.Subscriptions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Alerts.Functions.Route;

/// <summary>
/// The signed links of mails: confirm (double opt-in) and one-click unsubscribe (RFC 8058), under
/// <c>/api/links/</c>. Anonymous, because their holder is a mail recipient with neither a function key nor a sign-in
/// (maybe not even an Entra user: a shared mailbox, a distribution list, a mail provider's one-click POST): the HMAC
/// token in the link is the credential, and a tampered, foreign or expired one is refused without changing anything.
/// App Service authentication excludes <c>/api/links/*</c> for that reason (infra/modules/auth.bicep); nothing here
/// reads the caller, so a principal, genuine or forged, neither helps nor hurts.
/// </summary>
public sealed class SubscriptionLinkFunctions(SubscriptionVerification verification, SubscriptionUnsubscriber unsubscriber)
{
    [Function(nameof(ConfirmSubscriptionPage))]
    public async Task<IActionResult> ConfirmSubscriptionPage(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "links/subscriptions/{id}/confirm")] HttpRequest request, string id, CancellationToken cancellationToken)
    {
        var token = request.Query["token"].ToString();
        var result = await verification.CheckAsync(id, token, cancellationToken);
        return result == LinkResult.Done
            ? LinkPages.Form("Confirm your subscription", "Press the button to start receiving supply concentration alerts at this address.", "Confirm", Action(request))
            : Refused(request, result);
    }

    [Function(nameof(ConfirmSubscription))]
    public async Task<IActionResult> ConfirmSubscription(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "links/subscriptions/{id}/confirm")] HttpRequest request, string id, CancellationToken cancellationToken)
    {
        var result = await verification.ConfirmAsync(id, request.Query["token"].ToString(), cancellationToken);
        return result == LinkResult.Done
            ? LinkPages.Done("Subscription confirmed", "You will receive supply concentration alerts at this address. Every alert mail has a link to stop them.")
            : Refused(request, result);
    }

    [Function(nameof(UnsubscribePage))]
    public async Task<IActionResult> UnsubscribePage(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "links/subscriptions/{id}/unsubscribe")] HttpRequest request, string id, CancellationToken cancellationToken)
    {
        var result = await unsubscriber.CheckAsync(id, request.Query["token"].ToString(), cancellationToken);
        return result == LinkResult.Done
            ? LinkPages.Form("Unsubscribe", "Press the button to stop receiving these supply concentration alerts.", "Unsubscribe", Action(request), ListHeaders.OneClick)
            : Refused(request, result);
    }

    /// <summary>RFC 8058 one-click: the body must be <c>List-Unsubscribe=One-Click</c> (what mailbox providers and the page's button send).</summary>
    [Function(nameof(Unsubscribe))]
    public async Task<IActionResult> Unsubscribe(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "links/subscriptions/{id}/unsubscribe")] HttpRequest request, string id, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType
            || !string.Equals((await request.ReadFormAsync(cancellationToken))["List-Unsubscribe"].ToString(), "One-Click", StringComparison.Ordinal))
        {
            return Problems.BadRequest(request, $"An unsubscribe POST carries the form body '{ListHeaders.OneClick}' (RFC 8058), as application/x-www-form-urlencoded or multipart/form-data.");
        }

        var result = await unsubscriber.UnsubscribeAsync(id, request.Query["token"].ToString(), cancellationToken);
        return result == LinkResult.Done
            ? LinkPages.Done("Unsubscribed", "You will receive no more of these alerts.")
            : Refused(request, result);
    }

    // The form posts back to the same link, token included; only the path and query are echoed (no host header trust).
    private static string Action(HttpRequest request) => request.Path + request.QueryString;

    private static IActionResult Refused(HttpRequest request, LinkResult result) => result switch
    {
        LinkResult.NotFound => Problems.NotFound(request, "This link's subscription no longer exists."),
        LinkResult.Expired => Problems.Problem(request, StatusCodes.Status410Gone, "The link has expired.",
            "This verification link has expired; the subscription's owner can ask for a new one (POST /api/subscriptions/{id}/verification)."),
        LinkResult.Unsubscribed => Problems.Problem(request, StatusCodes.Status409Conflict, "Unsubscribed.",
            "This subscription was unsubscribed by its recipient and cannot be confirmed again; its owner creates a new one."),
        _ => Problems.Problem(request, StatusCodes.Status403Forbidden, "The link is not valid.",
            "The link's token is missing, malformed, altered, or belongs to another subscription or address. Use the link exactly as mailed."),
    };
}
