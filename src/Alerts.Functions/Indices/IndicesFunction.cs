using Alerts.Core.Concentration;
using Alerts.Functions.Http;
using Alerts.Functions.Pull;
using Alerts.Pipeline.Pull;
using Alerts.Pipeline.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Alerts.Functions.Indices;

/// <summary>
/// <c>GET /api/indices/{product}[?window=published|monthly|annual|rolling12]</c>: the latest stored indices of a
/// product per reporter, flow, basis and window (every stored window unless one is asked for), with their changes.
/// </summary>
public sealed class IndicesFunction(IndicesStore indices)
{
    [Function(nameof(GetIndices))]
    public async Task<IActionResult> GetIndices(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "indices/{product}")] HttpRequest request, string product, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (product.Length is < 2 or > 10 || !product.All(char.IsAsciiDigit))
        {
            errors["product"] = [$"'{product}' is not an HS/CN product code (2 to 10 digits)."];
        }

        IndexSelection? window = null;
        if (request.Query.TryGetValue("window", out var values))
        {
            if (values.Count == 1 && IndexSelections.TryParse(values[0], out var parsed))
            {
                window = parsed;
            }
            else
            {
                errors["window"] = [$"'{string.Join(",", values.ToArray())}' is not a window; use one of {string.Join(", ", IndexSelections.Names)}."];
            }
        }

        if (errors.Count > 0)
        {
            return Problems.Validation(request, errors);
        }

        var latest = await indices.GetLatestForProductAsync(product, window, cancellationToken);
        if (latest.Count == 0)
        {
            return Problems.NotFound(request, window is { } w
                ? $"No indices in window {w.ToName()} are stored for product {product}; the pipeline stores windows {string.Join(" and ", SeriesWindows.Stored.Select(s => s.ToName()))} (rolling12 for monthly data only)."
                : $"No indices are stored for product {product}; is it in setting Pull:Products?");
        }

        return new OkObjectResult(latest.Select(s => IndexSummary.From(s.Indices)).ToList());
    }
}
