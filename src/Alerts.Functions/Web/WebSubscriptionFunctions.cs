using Alerts.Deliver.Endpoints;
using Alerts.Functions.Http;
using Alerts.Functions.Http.Identity;
using Alerts.Functions.Route;
using Alerts.Platform.Secrets;
using Alerts.Route.Subscriptions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Alerts.Functions.Web;

/// <summary>
/// <c>/api/web/subscriptions</c>: the caller's subscriptions as a page with plain HTML forms (post/redirect/get).
/// Each action calls the service the API route calls, so the rules, the quota and the validation messages are the
/// API's own; every POST carries a <see cref="WebFormTokens"/> token.
/// </summary>
public sealed class WebSubscriptionFunctions(
    SubscriptionService subscriptions,
    SubscriptionQuota quota,
    SubscriptionUpdates updates,
    SubscriptionTestSend testSend,
    SubscriptionVerification verification,
    EndpointHealthStore health,
    WebFormTokens tokens,
    TimeProvider time)
{
    [Function(nameof(WebSubscriptions))]
    public async Task<IActionResult> WebSubscriptions(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "web/subscriptions")] HttpRequest request, CancellationToken cancellationToken)
    {
        if (CallerIdentity.PrincipalOf(request) is not { } caller)
        {
            return Html.SignIn(request);
        }

        return await ListPageAsync(request, caller, SubscriptionForm.Empty, new Dictionary<string, string[]>(), request.Query["notice"].ToString(), 200, cancellationToken);
    }

    [Function(nameof(WebCreateSubscription))]
    public async Task<IActionResult> WebCreateSubscription(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "web/subscriptions")] HttpRequest request, CancellationToken cancellationToken)
    {
        if (await FormOfAsync(request, cancellationToken) is not ({ } caller, { } form))
        {
            return Forbidden(request);
        }

        var input = SubscriptionForm.From(form);
        if (await quota.IsFullAsync(caller.OwnerKey, cancellationToken))
        {
            var full = new Dictionary<string, string[]> { ["subscriptions"] = [$"You hold {quota.Limit} subscriptions, the most {SubscriptionQuotaOptions.SettingName} allows; delete one first."] };
            return await ListPageAsync(request, caller, input, full, null, StatusCodes.Status409Conflict, cancellationToken);
        }

        var (created, errors, refused) = await subscriptions.CreateAsync(caller.OwnerKey, input.ToRequest(), cancellationToken);
        if (refused is not null)
        {
            var notTaken = new Dictionary<string, string[]> { ["target"] = [$"The target did not take the test message sent to it ({SecretRedactor.Redact(refused)}); nothing was stored."] };
            return await ListPageAsync(request, caller, input, notTaken, null, StatusCodes.Status422UnprocessableEntity, cancellationToken);
        }

        return created is null
            ? await ListPageAsync(request, caller, input, errors, null, StatusCodes.Status400BadRequest, cancellationToken)
            : Html.SeeOther("/subscriptions", "created");
    }

    [Function(nameof(WebEditSubscription))]
    public async Task<IActionResult> WebEditSubscription(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "web/subscriptions/{id}/edit")] HttpRequest request, string id, CancellationToken cancellationToken)
    {
        if (CallerIdentity.PrincipalOf(request) is not { } caller)
        {
            return Html.SignIn(request);
        }

        return await updates.GetAsync(caller.OwnerKey, id, cancellationToken) is { } found
            ? EditPage(request, caller, found.View, SubscriptionForm.From(found.View), found.ETag, new Dictionary<string, string[]>(), 200)
            : Html.NotFound(request, caller, $"You have no subscription '{id}'.");
    }

    /// <summary>The edit form's post: the same JSON merge patch and <c>If-Match</c> as <c>PATCH /api/subscriptions/{id}</c>.</summary>
    [Function(nameof(WebSaveSubscription))]
    public async Task<IActionResult> WebSaveSubscription(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "web/subscriptions/{id}/edit")] HttpRequest request, string id, CancellationToken cancellationToken)
    {
        if (await FormOfAsync(request, cancellationToken) is not ({ } caller, { } form))
        {
            return Forbidden(request);
        }

        var owner = caller.OwnerKey;
        if (await subscriptions.GetAsync(owner, id, cancellationToken) is not { } current)
        {
            return Html.NotFound(request, caller, $"You have no subscription '{id}'.");
        }

        var input = SubscriptionForm.From(form);
        var result = await updates.PatchAsync(owner, id, input.ToMergePatch(), form["etag"].ToString(), cancellationToken);
        return result.Outcome switch
        {
            PatchOutcome.Updated => Html.SeeOther("/subscriptions", "updated"),
            PatchOutcome.Invalid => EditPage(request, caller, current, input, form["etag"].ToString(), result.Errors!, StatusCodes.Status400BadRequest),
            PatchOutcome.PreconditionFailed => EditPage(request, caller, current, input, (await updates.GetAsync(owner, id, cancellationToken))?.ETag ?? string.Empty,
                new Dictionary<string, string[]> { ["If-Match"] = ["The subscription changed since this page was loaded; check it and save again."] }, StatusCodes.Status412PreconditionFailed),
            _ => Html.NotFound(request, caller, $"You have no subscription '{id}'."),
        };
    }

    /// <summary>The row actions: <c>test</c>, <c>pause</c>, <c>resume</c>, <c>verification</c>, <c>delete</c>.</summary>
    [Function(nameof(WebSubscriptionAction))]
    public async Task<IActionResult> WebSubscriptionAction(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "web/subscriptions/{id}/{action}")] HttpRequest request, string id, string action, CancellationToken cancellationToken)
    {
        if (await FormOfAsync(request, cancellationToken) is not ({ } caller, { } form))
        {
            return Forbidden(request);
        }

        var owner = caller.OwnerKey;
        if (await subscriptions.GetAsync(owner, id, cancellationToken) is not { } current)
        {
            return Html.NotFound(request, caller, $"You have no subscription '{id}'.");
        }

        switch (action)
        {
            case "test":
                return await testSend.SendAsync(owner, id, cancellationToken) is { NotificationId: not null }
                    ? Html.SeeOther("/subscriptions", "tested")
                    : Conflict(request, caller, $"Subscription '{id}' is {SubscriptionsPage.StatusName(current.Status)}: only an active subscription gets a test notification.");
            case "pause":
                await SubscriptionPauseFunction.PauseAsync(subscriptions, health, time, owner, id, cancellationToken);
                return Html.SeeOther("/subscriptions", "paused");
            case "resume":
                await subscriptions.ResumeAsync(owner, id, cancellationToken);
                return Html.SeeOther("/subscriptions", "resumed");
            case "verification":
                var resent = await verification.ResendAsync(owner, id, cancellationToken);
                return resent is { Sent: true }
                    ? Html.SeeOther("/subscriptions", "verification")
                    : Conflict(request, caller, resent?.RetryAfter is { } wait
                        ? $"A verification mail was sent recently; ask again in {Math.Ceiling(wait.TotalSeconds)} s."
                        : "No verification mail was sent: the subscription is not pending, or the mail server did not accept it.");
            case "delete":
                await subscriptions.DeleteAsync(owner, id, cancellationToken);
                return Html.SeeOther("/subscriptions", "deleted");
            default:
                return Html.NotFound(request, caller, $"There is no action '{action}'.");
        }
    }

    private async Task<IActionResult> ListPageAsync(
        HttpRequest request, CallerPrincipal caller, SubscriptionForm form, IReadOnlyDictionary<string, string[]> errors, string? notice, int status, CancellationToken cancellationToken)
    {
        var token = tokens.Issue(caller.OwnerKey);
        var list = await subscriptions.ListAsync(caller.OwnerKey, cancellationToken);
        var formHtml = form.Render(Html.Root + "/subscriptions", "Create subscription", token, errors, editing: false);
        return Html.Page(request, "My subscriptions", "subscriptions", caller, SubscriptionsPage.Body(list, notice, token, formHtml), status);
    }

    private ContentResult EditPage(HttpRequest request, CallerPrincipal caller, SubscriptionView view, SubscriptionForm form, string etag, IReadOnlyDictionary<string, string[]> errors, int status)
    {
        var label = string.IsNullOrWhiteSpace(view.Name) ? view.Id : view.Name;
        var body = "<p><a href=\"" + Html.Root + "/subscriptions\">&larr; My subscriptions</a></p><h1>Edit " + Html.E(label) + "</h1><p>Channel: " + Html.E(view.Channel)
            + ", target " + Html.E(view.Target) + ".</p>"
            + form.Render(Html.Root + "/subscriptions/" + Html.Q(view.Id) + "/edit", "Save", tokens.Issue(caller.OwnerKey), errors, editing: true, etag);
        return Html.Page(request, "Edit subscription", "subscriptions", caller, body, status);
    }

    // The caller and the posted form, or null when there is no caller or the form's token is not theirs.
    private async Task<(CallerPrincipal, IFormCollection)?> FormOfAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (CallerIdentity.PrincipalOf(request) is not { } caller || !request.HasFormContentType)
        {
            return null;
        }

        var form = await request.ReadFormAsync(cancellationToken);
        return tokens.IsValid(form[WebFormTokens.FieldName].ToString(), caller.OwnerKey) ? (caller, form) : null;
    }

    private static IActionResult Forbidden(HttpRequest request) =>
        CallerIdentity.PrincipalOf(request) is null
            ? Html.SignIn(request)
            : Html.Page(request, "Form expired", string.Empty, CallerIdentity.PrincipalOf(request),
                "<h1>Form expired</h1><p>The form was too old or did not come from this site; nothing was changed. <a href=\"" + Html.Root + "/subscriptions\">Reload the page</a> and try again.</p>",
                StatusCodes.Status403Forbidden);

    private static ContentResult Conflict(HttpRequest request, CallerPrincipal caller, string text) =>
        Html.Page(request, "Not done", "subscriptions", caller,
            "<h1>Not done</h1><p>" + Html.E(text) + "</p><p><a href=\"" + Html.Root + "/subscriptions\">Back to my subscriptions</a></p>", StatusCodes.Status409Conflict);
}
