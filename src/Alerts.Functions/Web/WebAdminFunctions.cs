using System.Globalization;
using Alerts.Functions.Http;
using Alerts.Functions.Http.Identity;
using Alerts.Functions.Pull.Recalculations;
using Alerts.Platform.Bus.DeadLetters;
using Azure.Messaging.ServiceBus;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Alerts.Functions.Web;

/// <summary>
/// <c>/api/web/admin</c>: dead letters, starting a recalculation and watching its status, for callers holding
/// <see cref="CallerPrincipal.AdminRole"/>. Every route checks the role itself (403 page otherwise), as the API's
/// <c>/api/deadletters</c> and <c>/api/recalculations</c> do; hiding the link from others is only a convenience.
/// </summary>
public sealed class WebAdminFunctions(DeadLetterClient deadLetters, RecalculationQueue queue, RecalculationStore store, MaterialOverview overview, WebFormTokens tokens)
{
    [Function(nameof(WebAdmin))]
    public async Task<IActionResult> WebAdmin(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "web/admin")] HttpRequest request, CancellationToken cancellationToken)
    {
        if (Refuse(request) is { } refused)
        {
            return refused;
        }

        return await AdminPageAsync(request, CallerIdentity.PrincipalOf(request)!, null, StatusCodes.Status200OK, cancellationToken);
    }

    /// <summary>The form's post: <c>commodity</c> (empty = everything) and <c>force</c>; 303 to the run's status page.</summary>
    [Function(nameof(WebRecalculate))]
    public async Task<IActionResult> WebRecalculate(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "web/admin/recalculations")] HttpRequest request, CancellationToken cancellationToken)
    {
        if (Refuse(request) is { } refused)
        {
            return refused;
        }

        var caller = CallerIdentity.PrincipalOf(request)!;
        var form = request.HasFormContentType ? await request.ReadFormAsync(cancellationToken) : null;
        if (form is null || !tokens.IsValid(form[WebFormTokens.FieldName].ToString(), caller.OwnerKey))
        {
            return Html.Page(request, "Form expired", "admin", caller,
                "<h1>Form expired</h1><p>The form was too old or did not come from this site; nothing was started. <a href=\"" + Html.Root + "/admin\">Reload the page</a> and try again.</p>",
                StatusCodes.Status403Forbidden);
        }

        var commodity = form["commodity"].ToString();
        if (commodity.Length > 0 && overview.Find(commodity) is null)
        {
            return await AdminPageAsync(request, caller, $"'{commodity}' is not a material of the catalog; choose one from the list or all materials.", StatusCodes.Status400BadRequest, cancellationToken);
        }

        var scope = new Scope([], commodity.Length > 0 ? [commodity] : []);
        var ticket = await queue.RequestAsync(caller.OwnerKey, scope, form["force"].ToString() == "true", idempotencyKey: null, cancellationToken);
        if (ticket.RunId is not { } id)
        {
            var seconds = (int)Math.Ceiling(ticket.RetryAfter!.Value.TotalSeconds);
            request.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            return await AdminPageAsync(request, caller, $"You started the most recalculations Recalculations__PerCallerLimit allows for now; try again in {seconds} s.",
                StatusCodes.Status429TooManyRequests, cancellationToken);
        }

        return Html.SeeOther("/admin/recalculations/" + Html.Q(id) + "?requested=1");
    }

    [Function(nameof(WebRecalculation))]
    public async Task<IActionResult> WebRecalculation(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "web/admin/recalculations/{id}")] HttpRequest request, string id, CancellationToken cancellationToken)
    {
        if (Refuse(request) is { } refused)
        {
            return refused;
        }

        var caller = CallerIdentity.PrincipalOf(request)!;
        var valid = id is { Length: > 0 and <= 64 } && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
        return valid && await store.ReadRunAsync(id, cancellationToken) is { } run
            ? Html.Page(request, "Recalculation " + run.Id, "admin", caller, AdminPage.Status(run, request.Query["requested"] == "1"))
            : Html.NotFound(request, caller, $"There is no recalculation '{id}'.");
    }

    // No caller: sign in. A caller without the admin role: 403, whatever the page showed them.
    private static IActionResult? Refuse(HttpRequest request) => CallerIdentity.PrincipalOf(request) switch
    {
        null => Html.SignIn(request),
        { IsAdmin: false } caller => Html.Page(request, "Admins only", string.Empty, caller,
            "<h1>Admins only</h1><p>Administration needs the app role <code>" + Html.E(CallerPrincipal.AdminRole) + "</code>, which you do not hold.</p>",
            StatusCodes.Status403Forbidden),
        _ => null,
    };

    private async Task<IActionResult> AdminPageAsync(HttpRequest request, CallerPrincipal caller, string? error, int status, CancellationToken cancellationToken)
    {
        var listings = new List<DeadLetterListing>();
        foreach (var q in DeadLetterQueue.All)
        {
            try
            {
                listings.Add(new DeadLetterListing(q, await deadLetters.ListAsync(q, DeadLetterFilter.None, AdminPage.MaxDeadLetters, cancellationToken), null));
            }
            catch (ServiceBusException e)
            {
                // One queue that cannot be read does not take the page down: say so in its place.
                listings.Add(new DeadLetterListing(q, [], $"Could not be read ({e.Reason})."));
            }
        }

        var body = AdminPage.Body(listings, overview.Materials, tokens.Issue(caller.OwnerKey), error);
        return Html.Page(request, "Administration", "admin", caller, body, status);
    }
}
