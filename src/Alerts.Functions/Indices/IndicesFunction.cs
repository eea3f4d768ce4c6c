using Alerts.Core.Catalog;
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

    /// <summary><c>GET /api/indices/{commodity}/{stage}</c>: the latest stored indices of a commodity series, e.g. <c>graphite/ore</c>.</summary>
    [Function(nameof(GetCommodityIndices))]
    public async Task<IActionResult> GetCommodityIndices(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "indices/{commodity}/{stage}")] HttpRequest request, string commodity, string stage, CancellationToken cancellationToken)
    {
        var series = $"{commodity}/{stage}".ToLowerInvariant();
        if (!CommodityNames.TryParseSeries(series, out var id, out var parsed) || !id.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
        {
            return Problems.Validation(request, new Dictionary<string, string[]> { ["stage"] = [$"'{commodity}/{stage}' is not a commodity series (an id and one of ore, intermediate, metal, downstream)."] });
        }

        series = $"{id}/{CommodityNames.StageName(parsed)}";
        var latest = await indices.GetLatestForProductAsync(series, cancellationToken);
        return latest.Count == 0
            ? Problems.NotFound(request, $"No indices are stored for commodity series {series}; is it selected (setting Pull:Commodities) and covered by Pull:Products?")
            : new OkObjectResult(latest.Select(s => IndexSummary.From(s.Indices)).ToList());
    }
}
