using System.Globalization;
using System.Text.RegularExpressions;
using Alerts.Functions.Http;
using Alerts.Functions.Pull.Recalculations;
using Alerts.Pull.Catalog;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Alerts.Functions.Pull;

/// <summary>
/// <c>POST /api/recalculations</c> (admin): queues the pull's steps for one scope (products and/or commodities) and
/// answers 202 with the run's status resource, <c>GET /api/recalculations/{id}</c>; the worker runs it.
/// </summary>
public sealed partial class RecalculationFunction(RecalculationQueue queue, RecalculationStore store)
{
    public const int MaxProducts = 100;
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    [Function(nameof(Recalculate))]
    public async Task<IActionResult> Recalculate(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "recalculations")] HttpRequest request, CancellationToken cancellationToken)
    {
        if (CallerIdentity.RequireAdmin(request) is { } denied)
        {
            return denied;
        }

        var body = new RecalculationRequest();
        if (request.ContentLength is null or > 0)
        {
            var (read, problem) = await JsonBody.ReadAsync<RecalculationRequest>(request, cancellationToken);
            if (problem is not null)
            {
                return problem;
            }

            body = read!;
        }

        var key = request.Headers[IdempotencyKeyHeader].ToString();
        var errors = Validate(body, key);
        if (errors.Count > 0)
        {
            return Problems.Validation(request, errors);
        }

        var scope = new Scope(body.Products ?? [], body.Commodities ?? []);
        var ticket = await queue.RequestAsync(CallerIdentity.Of(request)!, scope, body.Force ?? false, key.Length > 0 ? key : null, cancellationToken);
        if (ticket.RunId is not { } id)
        {
            var seconds = (int)Math.Ceiling(ticket.RetryAfter!.Value.TotalSeconds);
            request.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            return Problems.Problem(request, StatusCodes.Status429TooManyRequests, "Too many recalculations.",
                $"You may start at most the number of recalculations set by Recalculations__PerCallerLimit per Recalculations__RateWindow; retry in {seconds} s.");
        }

        var run = await ReadAsync(id, cancellationToken);
        return new AcceptedResult($"/api/recalculations/{id}", run);
    }

    [Function(nameof(GetRecalculation))]
    public async Task<IActionResult> GetRecalculation(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "recalculations/{id}")] HttpRequest request, string id, CancellationToken cancellationToken)
    {
        if (CallerIdentity.RequireAdmin(request) is { } denied)
        {
            return denied;
        }

        return id is { Length: > 0 and <= 64 } && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_') && await ReadAsync(id, cancellationToken) is { } run
            ? new OkObjectResult(run)
            : Problems.NotFound(request, $"There is no recalculation '{id}'.");
    }

    private Task<RecalculationRun?> ReadAsync(string id, CancellationToken cancellationToken) => store.ReadRunAsync(id, cancellationToken);

    private static Dictionary<string, string[]> Validate(RecalculationRequest body, string key)
    {
        var products = body.Products ?? [];
        var commodities = body.Commodities ?? [];
        var errors = new Dictionary<string, string[]>();
        if (products.Count > MaxProducts)
        {
            errors["products"] = [$"At most {MaxProducts} products per recalculation."];
        }

        if (commodities.Count > MaxProducts)
        {
            errors["commodities"] = [$"At most {MaxProducts} commodities per recalculation."];
        }

        foreach (var (c, i) in commodities.Select((c, i) => (c, i)).Where(x => !IsCommodity(x.c)))
        {
            errors[$"commodities[{i}]"] = [$"'{c}' is not a commodity id (rare-earths) or commodity series (rare-earths/metal)."];
        }

        foreach (var (p, i) in products.Select((p, i) => (p, i)).Where(x => string.IsNullOrWhiteSpace(x.p) || x.p.Length is < 2 or > 10 || !x.p.All(char.IsAsciiDigit)))
        {
            errors[$"products[{i}]"] = [$"'{p}' is not an HS/CN product code (2 to 10 digits)."];
        }

        if (key.Length > 200)
        {
            errors[IdempotencyKeyHeader] = ["At most 200 characters."];
        }

        return errors;
    }

    private static bool IsCommodity(string? c) =>
        c is { Length: > 0 and <= 100 } && (CommodityPattern().IsMatch(c) || (CommodityNames.TryParseSeries(c, out var id, out _) && CommodityPattern().IsMatch(id)));

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.IgnoreCase)]
    private static partial Regex CommodityPattern();
}
