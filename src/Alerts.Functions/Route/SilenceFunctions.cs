using Alerts.Functions.Http;
using Alerts.Route.Silences;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Alerts.Functions.Route;

/// <summary>
/// <c>/api/silences</c>: a caller mutes alerts for a time, for its own subscriptions (scope <c>owner</c>) or, with
/// <c>Alerts.Admin</c>, for everyone's (<c>global</c>); lists and reads its own, the global and the configuration
/// silences; <c>DELETE</c> expires one now.
/// </summary>
public sealed class SilenceFunctions(SilenceService silences)
{
    [Function(nameof(CreateSilence))]
    public async Task<IActionResult> CreateSilence(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "silences")] HttpRequest request, CancellationToken cancellationToken)
    {
        if (CallerIdentity.PrincipalOf(request) is not { } caller)
        {
            return Problems.Unauthorized(request);
        }

        var (body, problem) = await JsonBody.ReadAsync<SilenceRequest>(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var result = await silences.CreateAsync(caller.OwnerKey, caller.UserId, caller.IsAdmin, body, cancellationToken);
        return result.Outcome == SilenceOutcome.Done
            ? new CreatedResult($"/api/silences/{result.View!.Id}", result.View)
            : Refused(request, result, string.Empty);
    }

    [Function(nameof(ListSilences))]
    public async Task<IActionResult> ListSilences(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "silences")] HttpRequest request, CancellationToken cancellationToken) =>
        CallerIdentity.Of(request) is { } owner
            ? new OkObjectResult(await silences.ListAsync(owner, cancellationToken))
            : Problems.Unauthorized(request);

    [Function(nameof(GetSilence))]
    public async Task<IActionResult> GetSilence(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "silences/{id}")] HttpRequest request, string id, CancellationToken cancellationToken)
    {
        if (CallerIdentity.Of(request) is not { } owner)
        {
            return Problems.Unauthorized(request);
        }

        return await silences.GetAsync(owner, id, cancellationToken) is { } view ? new OkObjectResult(view) : NotFound(request, id);
    }

    /// <summary>Expires the silence now: 200 with it (status <c>expired</c>); it stays listed.</summary>
    [Function(nameof(ExpireSilence))]
    public async Task<IActionResult> ExpireSilence(
        [HttpTrigger(AuthorizationLevel.Function, "delete", Route = "silences/{id}")] HttpRequest request, string id, CancellationToken cancellationToken)
    {
        if (CallerIdentity.PrincipalOf(request) is not { } caller)
        {
            return Problems.Unauthorized(request);
        }

        var result = await silences.ExpireAsync(caller.OwnerKey, caller.IsAdmin, id, cancellationToken);
        return result.Outcome == SilenceOutcome.Done ? new OkObjectResult(result.View) : Refused(request, result, id);
    }

    private static IActionResult Refused(HttpRequest request, SilenceResult result, string id) => result.Outcome switch
    {
        SilenceOutcome.Malformed => Problems.Validation(request, result.Errors!),
        SilenceOutcome.Unacceptable => Problems.Validation(request, result.Errors!, StatusCodes.Status422UnprocessableEntity),
        SilenceOutcome.Forbidden => Problems.Problem(request, StatusCodes.Status403Forbidden, "Admin role required.",
            "A global silence mutes every subscriber's alerts: creating or expiring one needs the app role 'Alerts.Admin'. Leave scope out (or \"owner\") to mute your own subscriptions only."),
        SilenceOutcome.Configured => Problems.Problem(request, StatusCodes.Status409Conflict, "Configured silence.",
            $"Silence '{id}' comes from the app settings (Silences__N__*); change or remove it there."),
        SilenceOutcome.Conflict => Problems.Problem(request, StatusCodes.Status409Conflict, "The silence has changed.",
            $"Silence '{id}' was changed meanwhile; GET it and try again."),
        _ => NotFound(request, id),
    };

    private static IActionResult NotFound(HttpRequest request, string id) => Problems.NotFound(request, $"You have no silence '{id}' (nor is there a global one with this id).");
}
