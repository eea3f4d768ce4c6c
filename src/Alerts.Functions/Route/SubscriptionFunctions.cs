using System.Text.Json;
using Alerts.Functions.Http;
using Alerts.Platform.Secrets;
using Alerts.Route.NotificationLog;
using Alerts.Route.Notifications;
using Alerts.Route.Routing;
using Alerts.Route.Silences;
using Alerts.Route.Subscriptions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Alerts.Functions.Route;

/// <summary><c>/api/subscriptions</c>: a caller creates, reads, lists, resumes and deletes its own subscriptions.</summary>
public sealed class SubscriptionFunctions(SubscriptionService subscriptions, SubscriptionQuota quota, SubscriptionVerification verification, SubscriptionUpdates updates)
{
    [Function(nameof(CreateSubscription))]
    public async Task<IActionResult> CreateSubscription(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "subscriptions")] HttpRequest request, CancellationToken cancellationToken)
    {
        if (CallerIdentity.Of(request) is not { } owner)
        {
            return Problems.Unauthorized(request);
        }

        var (body, problem) = await JsonBody.ReadAsync<SubscriptionRequest>(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (NoDataSubscribers.Check(request, body!.States) is { } forbidden)
        {
            return forbidden;
        }

        if (await quota.IsFullAsync(owner, cancellationToken))
        {
            return Problems.Problem(request, StatusCodes.Status409Conflict, "Subscription quota reached.",
                $"You hold {quota.Limit} subscriptions, the most {SubscriptionQuotaOptions.SettingName} allows; delete one first.");
        }

        var (created, errors, refused) = await subscriptions.CreateAsync(owner, body, cancellationToken);
        if (refused is not null)
        {
            // What the webhook answered, already redacted; redacted again here, as it goes back over HTTP.
            return Problems.Problem(request, StatusCodes.Status422UnprocessableEntity, "The target refused the test message.",
                $"Nothing was stored: the target did not take the test message sent to it at creation ({SecretRedactor.Redact(refused)}). Check the URL and the workflow, then subscribe again.");
        }

        return created is null
            ? Problems.Validation(request, errors)
            : new CreatedResult($"/api/subscriptions/{created.Id}", created);
    }

    /// <summary>The caller's subscription, with its <c>ETag</c> for a later <c>PATCH</c>'s <c>If-Match</c>.</summary>
    [Function(nameof(GetSubscription))]
    public async Task<IActionResult> GetSubscription(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "subscriptions/{id}")] HttpRequest request, string id, CancellationToken cancellationToken)
    {
        if (CallerIdentity.Of(request) is not { } owner)
        {
            return Problems.Unauthorized(request);
        }

        if (await updates.GetAsync(owner, id, cancellationToken) is not { } found)
        {
            return NotYours(request, id);
        }

        request.HttpContext.Response.Headers.ETag = found.ETag;
        return new OkObjectResult(found.View);
    }

    [Function(nameof(ListSubscriptions))]
    public async Task<IActionResult> ListSubscriptions(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "subscriptions")] HttpRequest request, CancellationToken cancellationToken) =>
        CallerIdentity.Of(request) is { } owner
            ? new OkObjectResult(await subscriptions.ListAsync(owner, cancellationToken))
            : Problems.Unauthorized(request);

    /// <summary>Resumes a subscription paused after repeated permanent delivery failures; 200 with the subscription.</summary>
    [Function(nameof(ResumeSubscription))]
    public Task<IActionResult> ResumeSubscription(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "subscriptions/{id}/resume")] HttpRequest request, string id, CancellationToken cancellationToken) =>
        OwnSubscriptionAsync(request, id, owner => subscriptions.ResumeAsync(owner, id, cancellationToken));

    /// <summary>Sends a new verification mail for a pending email subscription: 202, 409 when not pending, 429 (with Retry-After) when too soon.</summary>
    [Function(nameof(ResendVerification))]
    public async Task<IActionResult> ResendVerification(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "subscriptions/{id}/verification")] HttpRequest request, string id, CancellationToken cancellationToken)
    {
        if (CallerIdentity.Of(request) is not { } owner)
        {
            return Problems.Unauthorized(request);
        }

        var result = await verification.ResendAsync(owner, id, cancellationToken);
        if (result is null)
        {
            return NotYours(request, id);
        }

        if (result.RetryAfter is { } wait)
        {
            var seconds = (int)Math.Ceiling(wait.TotalSeconds);
            request.HttpContext.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Problems.Problem(request, StatusCodes.Status429TooManyRequests, "Too soon.", $"A verification mail was sent recently; ask again in {seconds} s.");
        }

        if (result.Status != SubscriptionStatus.PendingVerification)
        {
            return Problems.Problem(request, StatusCodes.Status409Conflict, "Not pending verification.",
                $"Subscription '{id}' is {System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(result.Status.ToString())}: only a pending email subscription gets a verification mail.");
        }

        return result.Sent
            ? new AcceptedResult()
            : Problems.Problem(request, StatusCodes.Status503ServiceUnavailable, "The mail could not be sent.", "The mail server did not accept the verification mail; try again later.");
    }

    [Function(nameof(DeleteSubscription))]
    public async Task<IActionResult> DeleteSubscription(
        [HttpTrigger(AuthorizationLevel.Function, "delete", Route = "subscriptions/{id}")] HttpRequest request, string id, CancellationToken cancellationToken)
    {
        if (CallerIdentity.Of(request) is not { } owner)
        {
            return Problems.Unauthorized(request);
        }

        return await subscriptions.DeleteAsync(owner, id, cancellationToken)
            ? new NoContentResult()
            : NotYours(request, id);
    }

    // One of the caller's subscriptions, acted on; another owner's id answers exactly like an unknown one.
    private static async Task<IActionResult> OwnSubscriptionAsync(HttpRequest request, string id, Func<string, Task<SubscriptionView?>> act)
    {
        if (CallerIdentity.Of(request) is not { } owner)
        {
            return Problems.Unauthorized(request);
        }

        return await act(owner) is { } view ? new OkObjectResult(view) : NotYours(request, id);
    }

    internal static IActionResult NotYours(HttpRequest request, string id) => Problems.NotFound(request, $"You have no subscription '{id}'.");
}
