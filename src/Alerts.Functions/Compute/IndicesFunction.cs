using Alerts.Compute.Engine;
using Alerts.Compute.Series;
using Alerts.Compute.Store;
using Alerts.Deliver.Endpoints;
using Alerts.Deliver.History;
using Alerts.Evaluate.Lifecycle;
using Alerts.Evaluate.Run;
using Alerts.Functions.Http;
using Alerts.Functions.Pull;
using Alerts.Platform.Storage;
using Alerts.Pull;
using Alerts.Pull.Catalog;
using Alerts.Pull.Snapshots;
using Alerts.Pull.Sources;
using Alerts.Pull.State;
using Alerts.Route.NotificationLog;
using Alerts.Route.Subscriptions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Alerts.Functions.Compute;

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

        var window = ReadWindow(request, errors);
        return errors.Count > 0
            ? Problems.Validation(request, errors)
            : await LatestAsync(request, product, $"product {product}", "is it in setting Pull:Products?", window, cancellationToken);
    }

    /// <summary><c>GET /api/indices/{commodity}/{stage}[?window=...]</c>: the latest stored indices of a commodity series, e.g. <c>graphite/ore</c>.</summary>
    [Function(nameof(GetCommodityIndices))]
    public async Task<IActionResult> GetCommodityIndices(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "indices/{commodity}/{stage}")] HttpRequest request, string commodity, string stage, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var series = $"{commodity}/{stage}".ToLowerInvariant();
        if (!CommodityNames.TryParseSeries(series, out var id, out var parsed) || !id.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
        {
            errors["stage"] = [$"'{commodity}/{stage}' is not a commodity series (an id and one of ore, intermediate, metal, downstream)."];
        }
        else
        {
            series = $"{id}/{CommodityNames.StageName(parsed)}";
        }

        var window = ReadWindow(request, errors);
        return errors.Count > 0
            ? Problems.Validation(request, errors)
            : await LatestAsync(request, series, $"commodity series {series}", "is it selected (setting Pull:Commodities) and covered by Pull:Products?", window, cancellationToken);
    }

    private static IndexSelection? ReadWindow(HttpRequest request, Dictionary<string, string[]> errors)
    {
        if (!request.Query.TryGetValue("window", out var values))
        {
            return null;
        }

        if (values.Count == 1 && IndexSelections.TryParse(values[0], out var parsed))
        {
            return parsed;
        }

        errors["window"] = [$"'{string.Join(",", values.ToArray())}' is not a window; use one of {string.Join(", ", IndexSelections.Names)}."];
        return null;
    }

    private async Task<IActionResult> LatestAsync(HttpRequest request, string key, string what, string hint, IndexSelection? window, CancellationToken cancellationToken)
    {
        var latest = await indices.GetLatestForProductAsync(key, window, cancellationToken);
        if (latest.Count == 0)
        {
            return Problems.NotFound(request, window is { } w
                ? $"No indices in window {w.ToName()} are stored for {what}; the pipeline stores windows {string.Join(" and ", SeriesWindows.Stored.Select(s => s.ToName()))} (rolling12 for monthly data only)."
                : $"No indices are stored for {what}; {hint}");
        }

        return new OkObjectResult(latest.Select(IndexSummary.From).ToList());
    }
}
