using System.Globalization;
using Alerts.Deliver;
using Alerts.Deliver.History;
using Alerts.Functions.Http;
using Alerts.Functions.Route;
using Alerts.Platform.Secrets;
using Alerts.Route.Subscriptions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Alerts.Functions.Deliver;

/// <summary><c>GET /api/subscriptions/{id}/deliveries</c>: what was delivered to the caller's own subscription, newest first, paged.</summary>
public sealed class DeliveryHistoryFunction(SubscriptionStore<Subscription> subscriptions, DeliveryHistoryStore history)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    [Function(nameof(ListDeliveries))]
    public async Task<IActionResult> ListDeliveries(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "subscriptions/{id}/deliveries")] HttpRequest request, string id, CancellationToken cancellationToken)
    {
        if (CallerIdentity.Of(request) is not { } owner)
        {
            return Problems.Unauthorized(request);
        }

        var pageSize = DefaultPageSize;
        if (request.Query["pageSize"].ToString() is { Length: > 0 } size
            && (!int.TryParse(size, NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) || pageSize is < 1 or > MaxPageSize))
        {
            return Problems.Validation(request, new Dictionary<string, string[]> { ["pageSize"] = [$"pageSize must be a whole number from 1 to {MaxPageSize}"] });
        }

        if (await subscriptions.GetAsync(owner, id, cancellationToken) is null)
        {
            return SubscriptionFunctions.NotYours(request, id);
        }

        DeliveryHistoryPage page;
        try
        {
            page = await history.ListBySubscriptionAsync(id, request.Query["continuation"].ToString(), pageSize, cancellationToken);
        }
        catch (FormatException)
        {
            return Problems.Validation(request, new Dictionary<string, string[]> { ["continuation"] = ["continuation is not a token from a previous page of this list: start again without it"] });
        }

        // Pending rows are the delivery step's write-ahead marks (recorded before each send), not outcomes: the owner sees outcomes.
        return new OkObjectResult(new DeliveryHistoryView(
            page.Entries.Where(e => e.Delivery?.Outcome != DeliveryStatus.Pending).Select(DeliveryView.From).ToList(), page.Continuation));
    }
}

/// <param name="Continuation">Pass as <c>?continuation=</c> for the next page; null on the last page.</param>
public sealed record DeliveryHistoryView(IReadOnlyList<DeliveryView> Deliveries, string? Continuation);

/// <summary>One line of the history: a delivery attempt (<c>kind</c> <c>delivery</c>) or one of the subscription's own steps.</summary>
/// <param name="Kind"><c>delivery</c>, or a step of <see cref="SubscriptionSteps"/> (<c>subscribed</c>, <c>confirmed</c>, <c>unsubscribed</c>, <c>paused</c>...).</param>
/// <param name="NotificationId">The notification delivered; null for a step.</param>
/// <param name="Outcome">The attempt's outcome; null for a step.</param>
/// <param name="Attempt">The attempt's number; null for a step.</param>
/// <param name="FailureReason">Why the attempt failed (redacted: never a target or secret); null when delivered, and for a step.</param>
/// <param name="Detail">What the step was (redacted); null for a delivery.</param>
public sealed record DeliveryView(
    DateTimeOffset At, string Kind, string? NotificationId, IReadOnlyList<string> Alerts, string Channel, DeliveryStatus? Outcome, int? Attempt, string? FailureReason, string? Detail)
{
    public const string DeliveryKind = "delivery";

    public static DeliveryView From(HistoryEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.Step is { } s)
        {
            return new(s.At, s.Kind, null, [], s.Channel, null, null, null, s.Detail is null ? null : SecretRedactor.Redact(s.Detail));
        }

        var a = entry.Delivery!;
        return new(
            a.At,
            DeliveryKind,
            a.NotificationId,
            a.AlertIds ?? [],
            a.Channel,
            a.Outcome,
            a.Attempt,
            a.Outcome == DeliveryStatus.Delivered ? null : SecretRedactor.Redact(a.Detail),
            null);
    }
}
