using Alerts.Deliver.Charts;
using Alerts.Functions.Http;
using Alerts.Route.Subscriptions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Alerts.Functions.Web;

/// <summary>
/// <c>GET /api/charts/trend.png?...&amp;expires=&amp;sig=</c>: a chart for whoever holds a signed link (<see cref="ChartLinks"/>):
/// Teams fetches a card's image without signing in. Anonymous, so App Service authentication must exclude this path.
/// </summary>
public sealed class ChartImageFunction(ChartLinks links, TrendReader trends)
{
    [Function(nameof(ChartImage))]
    public async Task<IActionResult> ChartImage(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ChartLinks.Route)] HttpRequest request, CancellationToken cancellationToken)
    {
        var q = request.Query;
        var (chart, error) = ChartRequest.Parse(q["reporter"], q["product"], q["basis"], q["window"], q["kind"]);
        if (chart is null)
        {
            return Problems.Problem(request, StatusCodes.Status400BadRequest, "Bad chart link.", error!);
        }

        switch (links.Check(chart, q["expires"], q["sig"]))
        {
            case TokenCheck.Invalid:
                return Problems.Problem(request, StatusCodes.Status403Forbidden, "Invalid chart link.", "The link's signature does not match the chart it names.");
            case TokenCheck.Expired:
                return Problems.Problem(request, StatusCodes.Status410Gone, "Chart link expired.", "Chart links work for 30 days; the alert's text carries the numbers.");
        }

        var series = await trends.ReadAsync(chart.Reporter, chart.Product, chart.Basis, chart.Window, null, cancellationToken);
        request.HttpContext.Response.Headers.CacheControl = "public, max-age=3600";
        return new FileContentResult(TrendChart.RenderPng(series, chart.Kind), "image/png");
    }
}
