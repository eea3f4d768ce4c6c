using Alerts.Compute.Engine;
using Alerts.Deliver.Charts;
using Alerts.Evaluate.Lifecycle;
using Alerts.Functions.Http;
using Alerts.Pull.Catalog;
using Alerts.Pull.Statistics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Alerts.Functions.Web;

/// <summary>
/// <c>/api/web</c>: the analysts' pages. Anonymous at the function-key level because a browser cannot hold a key;
/// who is calling comes from App Service authentication (which signs the user in before the app sees the request)
/// like every other route, and a request without a caller gets the sign-in page.
/// </summary>
public sealed class WebPageFunctions(MaterialOverview overview, TrendReader trends, AlertStore alerts)
{
    [Function(nameof(WebOverview))]
    public async Task<IActionResult> WebOverview(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "web")] HttpRequest request, CancellationToken cancellationToken)
    {
        if (CallerIdentity.PrincipalOf(request) is not { } caller)
        {
            return Html.SignIn(request);
        }

        var reporter = Reporter(request);
        var stageText = request.Query["stage"].ToString();
        ProcessingStage? stage = Enum.TryParse<ProcessingStage>(stageText, ignoreCase: true, out var s) && Enum.IsDefined(s) ? s : null;
        var sort = request.Query["sort"].ToString() is var sortText && OverviewPage.SortKeys.Contains(sortText) ? sortText : "name";
        var descending = request.Query["dir"].ToString() == "desc";
        var rows = OverviewPage.Sort(await overview.ListAsync(reporter, stage, cancellationToken), sort, descending);
        return Html.Page(request, "Strategic raw materials", "overview", caller,
            OverviewPage.Body(rows, overview.Reporters, reporter, stage, sort, descending, caller.IsAdmin));
    }

    [Function(nameof(WebMaterial))]
    public async Task<IActionResult> WebMaterial(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "web/materials/{id}")] HttpRequest request, string id, CancellationToken cancellationToken)
    {
        if (CallerIdentity.PrincipalOf(request) is not { } caller)
        {
            return Html.SignIn(request);
        }

        if (overview.Find(id) is not { } material)
        {
            return Html.NotFound(request, caller, $"There is no material '{id}' in the catalog.");
        }

        var basis = request.Query["basis"].ToString() == "value" ? Basis.Value : Basis.Weight;
        var window = IndexSelections.TryParse(request.Query["window"].ToString(), out var w) && w is IndexSelection.Published or IndexSelection.Rolling12 ? w : IndexSelection.Published;
        var details = await MaterialDetails.LoadAsync(overview, trends, alerts, material, Reporter(request), request.Query["series"].ToString(), basis, window, cancellationToken);
        return Html.Page(request, material.Name, "overview", caller, MaterialPage.Body(details));
    }

    /// <summary>A chart of the page, for a signed-in caller (the mail carries its own copy; cards use <see cref="ChartImageFunction"/>).</summary>
    [Function(nameof(WebChart))]
    public async Task<IActionResult> WebChart(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "web/charts/trend.png")] HttpRequest request, CancellationToken cancellationToken)
    {
        if (CallerIdentity.PrincipalOf(request) is null)
        {
            return Problems.Unauthorized(request);
        }

        var q = request.Query;
        var (chart, error) = ChartRequest.Parse(q["reporter"], q["product"], q["basis"], q["window"], q["kind"]);
        if (chart is null)
        {
            return Problems.Problem(request, StatusCodes.Status400BadRequest, "Bad chart request.", error!);
        }

        var name = overview.Materials.FirstOrDefault(m => chart.Product.StartsWith(m.Id + "/", StringComparison.Ordinal))?.Name;
        var series = await trends.ReadAsync(chart.Reporter, chart.Product, chart.Basis, chart.Window, name, cancellationToken);
        request.HttpContext.Response.Headers.CacheControl = "private, max-age=60";
        return new FileContentResult(TrendChart.RenderPng(series, chart.Kind), "image/png");
    }

    /// <summary>The page's stylesheet, from the assembly (no files to deploy beside the app).</summary>
    [Function(nameof(WebAsset))]
    public IActionResult WebAsset(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "web/assets/{name}")] HttpRequest request, string name)
    {
        if (WebAssets.Find(name) is not { } asset)
        {
            return Problems.NotFound(request, $"There is no asset '{name}'.");
        }

        request.HttpContext.Response.Headers.CacheControl = "public, max-age=3600";
        request.HttpContext.Response.Headers.XContentTypeOptions = "nosniff";
        return new FileContentResult(asset.Content, asset.ContentType);
    }

    private string Reporter(HttpRequest request) =>
        request.Query["reporter"].ToString() is { Length: > 0 } r && overview.Reporters.Contains(r) ? r : overview.Reporters[0];
}
