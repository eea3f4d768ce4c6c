using System.Text.RegularExpressions;
using Alerts.Compute.Engine;
using Alerts.Compute.Series;
using Alerts.Evaluate.Run;
using Alerts.Functions.Http;
using Alerts.Pull;
using Alerts.Pull.Catalog;
using Alerts.Pull.Sources;
using Alerts.Pull.Statistics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Alerts.Functions.Pull;

/// <summary>
/// <c>POST /api/recalculations</c>: the pull's steps for one scope (products and/or commodities), now; returns what
/// it computed and which alerts changed, commodity series among the products (with <c>commodity</c> set).
/// </summary>
public sealed partial class RecalculationFunction(PullService pull)
{
    public const int MaxProducts = 100;

    [Function(nameof(Recalculate))]
    public async Task<IActionResult> Recalculate(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "recalculations")] HttpRequest request, CancellationToken cancellationToken)
    {
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

        var bad = products.Select((p, i) => (p, i)).Where(x => string.IsNullOrWhiteSpace(x.p) || x.p.Length is < 2 or > 10 || !x.p.All(char.IsAsciiDigit)).ToList();
        foreach (var (p, i) in bad)
        {
            errors[$"products[{i}]"] = [$"'{p}' is not an HS/CN product code (2 to 10 digits)."];
        }

        if (errors.Count > 0)
        {
            return Problems.Validation(request, errors);
        }

        var report = await pull.RunAsync(new PullScope(products, commodities), body.Force ?? true, cancellationToken);
        return new OkObjectResult(RecalculationResult.From(report));
    }

    private static bool IsCommodity(string? c) =>
        c is { Length: > 0 and <= 100 } && (CommodityPattern().IsMatch(c) || (CommodityNames.TryParseSeries(c, out var id, out _) && CommodityPattern().IsMatch(id)));

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.IgnoreCase)]
    private static partial Regex CommodityPattern();
}
