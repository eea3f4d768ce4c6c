using Alerts.Functions.Http;
using Alerts.Functions.Pull;
using Alerts.Pipeline.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Alerts.Functions.Indices;

/// <summary><c>GET /api/indices/{product}</c>: the latest stored indices of a product, per reporter, flow and basis.</summary>
public sealed class IndicesFunction(IndicesStore indices)
{
    [Function(nameof(GetIndices))]
    public async Task<IActionResult> GetIndices(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "indices/{product}")] HttpRequest request, string product, CancellationToken cancellationToken)
    {
        if (product.Length is < 2 or > 10 || !product.All(char.IsAsciiDigit))
        {
            return Problems.Validation(request, new Dictionary<string, string[]> { ["product"] = [$"'{product}' is not an HS/CN product code (2 to 10 digits)."] });
        }

        var latest = await indices.GetLatestForProductAsync(product, cancellationToken);
        return latest.Count == 0
            ? Problems.NotFound(request, $"No indices are stored for product {product}; is it in setting Pull:Products?")
            : new OkObjectResult(latest.Select(s => IndexSummary.From(s.Indices)).ToList());
    }
}
