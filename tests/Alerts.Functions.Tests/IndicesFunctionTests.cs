using Alerts.Compute.Engine;
using Alerts.Compute.Series;
using Alerts.Compute.Store;
using Alerts.Deliver.Endpoints;
using Alerts.Deliver.History;
using Alerts.Evaluate.Lifecycle;
using Alerts.Evaluate.Rules;
using Alerts.Evaluate.Run;
using Alerts.Functions.Compute;
using Alerts.Functions.Pull;
using Alerts.Platform.Storage;
using Alerts.Pull;
using Alerts.Pull.Snapshots;
using Alerts.Pull.Sources;
using Alerts.Pull.State;
using Alerts.Pull.Statistics;
using Alerts.Route.NotificationLog;
using Alerts.Route.Subscriptions;
using Alerts.TestKit.Pipeline;
using Alerts.TestKit.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Alerts.Functions.Tests;

/// <summary><c>GET /api/indices/{product}</c> on rows stored in Azurite, the function called as the host would.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class IndicesFunctionTests(AzuriteFixture azurite)
{
    private static readonly SeriesKey Magnets = new("EU27_2020", "850511", TradeFlow.Import);

    /// <summary>The function over a fresh account holding the windows the pipeline stores for 14 months of magnets.</summary>
    private async Task<IndicesFunction> FunctionAsync()
    {
        var observations = new List<TradeObservation>();
        for (var (period, i) = (Period.Monthly(2023, 5), 0); period <= Period.Monthly(2024, 6); period = period.Next(), i++)
        {
            observations.Add(new(Magnets.Reporter, "CN", Magnets.Product, TradeFlow.Import, period, 50 + i, 500 + i, "EUR"));
            observations.Add(new(Magnets.Reporter, i == 13 ? "US" : "JP", Magnets.Product, TradeFlow.Import, period, 45, 450, "EUR"));
        }

        var store = new IndicesStore(await azurite.CreateAccountAsync());
        await store.UpsertAsync(SeriesWindows.Compute(Magnets, observations, "magnets", SeriesWindows.Stored, pulledFrom: null), "v1", "run-1", CancellationToken.None);
        return new IndicesFunction(store);
    }

    private static HttpRequest Get(string product, string query)
    {
        var request = PipelineStack.Request("GET", "/api/indices/" + product, null, null);
        request.QueryString = new QueryString(query);
        return request;
    }

    [Fact]
    public async Task GetIndices_WindowRolling12_ReturnsTheLatestRollingRowsWithChanges()
    {
        var function = await FunctionAsync();

        var result = await function.GetIndices(Get("850511", "?window=rolling12"), "850511", CancellationToken.None);

        var rows = Assert.IsAssignableFrom<IEnumerable<IndexSummary>>(Assert.IsType<OkObjectResult>(result).Value).ToList();
        Assert.Equal(["value", "weight"], rows.Select(r => r.Basis).Order());
        var weight = rows.Single(r => r.Basis == "weight");
        Assert.Equal(("rolling12", "2024-06", 12, true), (weight.Window, weight.Period, weight.MonthsCovered, weight.Complete));
        Assert.Equal("2024-05", weight.ChangeFromPrevious!.Against);
        Assert.Equal("2023-06", weight.ChangeFromYearAgo!.Against);
        Assert.False(weight.ChangeFromPrevious.TopSupplierChanged);
        Assert.Equal(weight.Indices.Total - weight.ChangeFromYearAgo.TotalBefore, weight.ChangeFromYearAgo.Change.Total);
    }

    [Fact]
    public async Task GetIndices_NoWindow_ReturnsEveryStoredWindow()
    {
        var function = await FunctionAsync();

        var result = await function.GetIndices(Get("850511", string.Empty), "850511", CancellationToken.None);

        var rows = Assert.IsAssignableFrom<IEnumerable<IndexSummary>>(Assert.IsType<OkObjectResult>(result).Value).ToList();
        Assert.Equal(["published value", "published weight", "rolling12 value", "rolling12 weight"], rows.Select(r => $"{r.Window} {r.Basis}").Order(StringComparer.Ordinal));
        var published = rows.Single(r => r is { Window: "published", Basis: "weight" });
        Assert.Equal(("2024-06", (int?)null, true), (published.Period, published.MonthsCovered, published.Complete));
        Assert.Equal(("2024-05", "CN", false), (published.ChangeFromPrevious!.Against, published.ChangeFromPrevious.TopSupplierBefore, published.ChangeFromPrevious.TopSupplierChanged));
    }

    [Theory]
    [InlineData("?window=weekly", "'weekly' is not a window; use one of published, monthly, annual, rolling12.")] // not a window
    [InlineData("?window=", "'' is not a window; use one of published, monthly, annual, rolling12.")] // empty
    [InlineData("?window=published&window=rolling12", "'published,rolling12' is not a window")] // two windows
    [InlineData("?window=1", "'1' is not a window")] // the enum's number
    public async Task GetIndices_BadWindow_ProblemDetailsNameTheParameter(string query, string expected)
    {
        var function = new IndicesFunction(null!); // validation answers before the store is asked

        var result = await function.GetIndices(Get("850511", query), "850511", CancellationToken.None);

        var objectResult = Assert.IsType<ObjectResult>(result);
        Assert.Contains("application/problem+json", objectResult.ContentTypes);
        var problem = Assert.IsType<ValidationProblemDetails>(objectResult.Value);
        Assert.Equal(400, problem.Status);
        Assert.StartsWith(expected, Assert.Single(problem.Errors["window"]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetIndices_BadProductAndWindow_NamesBoth()
    {
        var result = await new IndicesFunction(null!).GetIndices(Get("85x", "?window=weekly"), "85x", CancellationToken.None);

        var problem = Assert.IsType<ValidationProblemDetails>(Assert.IsType<ObjectResult>(result).Value);
        Assert.Equal(["product", "window"], problem.Errors.Keys.Order());
    }

    [Fact]
    public async Task GetIndices_WindowNotStored_NotFoundSaysWhichWindowsAre()
    {
        var function = await FunctionAsync();

        var result = await function.GetIndices(Get("850511", "?window=annual"), "850511", CancellationToken.None);

        var problem = Assert.IsType<ProblemDetails>(Assert.IsType<ObjectResult>(result).Value);
        Assert.Equal(404, problem.Status);
        Assert.Contains("stores windows published and rolling12", problem.Detail, StringComparison.Ordinal);
    }
}
