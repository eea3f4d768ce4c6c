using Alerts.Route.Subscriptions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Alerts.Functions.Route;

/// <summary>
/// The signed links' first routes, <c>/api/subscriptions/{id}/confirm</c> and <c>.../unsubscribe</c>, which mails sent
/// before the links moved under <c>/api/links/</c> still carry: they answer exactly as <see cref="SubscriptionLinkFunctions"/>
/// (same token check, same pages; a page's form posts back to the route it was opened on). In Azure they sit behind App
/// Service authentication, so only a signed-in browser reaches them; a mail provider's one-click POST gets the
/// platform's 401. New mails link to <c>/api/links/</c> only.
/// </summary>
public sealed class LegacySubscriptionLinkFunctions(SubscriptionVerification verification, SubscriptionUnsubscriber unsubscriber)
{
    private readonly SubscriptionLinkFunctions _links = new(verification, unsubscriber);

    [Function(nameof(LegacyConfirmSubscriptionPage))]
    public Task<IActionResult> LegacyConfirmSubscriptionPage(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "subscriptions/{id}/confirm")] HttpRequest request, string id, CancellationToken cancellationToken) =>
        _links.ConfirmSubscriptionPage(request, id, cancellationToken);

    [Function(nameof(LegacyConfirmSubscription))]
    public Task<IActionResult> LegacyConfirmSubscription(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "subscriptions/{id}/confirm")] HttpRequest request, string id, CancellationToken cancellationToken) =>
        _links.ConfirmSubscription(request, id, cancellationToken);

    [Function(nameof(LegacyUnsubscribePage))]
    public Task<IActionResult> LegacyUnsubscribePage(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "subscriptions/{id}/unsubscribe")] HttpRequest request, string id, CancellationToken cancellationToken) =>
        _links.UnsubscribePage(request, id, cancellationToken);

    [Function(nameof(LegacyUnsubscribe))]
    public Task<IActionResult> LegacyUnsubscribe(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "subscriptions/{id}/unsubscribe")] HttpRequest request, string id, CancellationToken cancellationToken) =>
        _links.Unsubscribe(request, id, cancellationToken);
}
