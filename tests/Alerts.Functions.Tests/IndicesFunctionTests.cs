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

    [Fact]
    public async Task GetIndices_BothSourcesWithBenchmarkAndMirror_EachRowLabelledAndShown()
    {
        // Two sources of one year, stored side by side (Comext's keep the partition they had): China 60 t and Malaysia 40 t.
        var store = new IndicesStore(await azurite.CreateAccountAsync());
        var series = new SeriesKey("EU27_2020", "280530", TradeFlow.Import);
        List<TradeObservation> observations = [
            new(series.Reporter, "CN", series.Product, TradeFlow.Import, Period.Annual(2024), 60_000, 600, "EUR"),
            new(series.Reporter, "MY", series.Product, TradeFlow.Import, Period.Annual(2024), 40_000, 400, "EUR")];
        var benchmark = new Alerts.Compute.Stockpiling.StageBenchmark("280530", 2024, "processing", 0.25, 0.40, "CN", 0.7);
        var mirror = Alerts.Compute.Mirror.MirrorCheck.Of(2024, Alerts.Compute.Mirror.MirrorCheckCalculator.Compare(
            observations, [new("MY", "EU27_2020", "280530", TradeFlow.Export, Period.Annual(2024), 20_000, 300, "USD"), new("CN", "EU27_2020", "280530", TradeFlow.Export, Period.Annual(2024), 60_000, 700, "USD")]));
        var comext = SeriesWindows.Compute(series, observations, null, [IndexSelection.Published], null)
            .Select(r => r.Basis == Basis.Weight ? r with { Benchmark = benchmark, Mirror = mirror } : r).ToList();
        var comtrade = SeriesWindows.Compute(series with { Source = "comtrade" }, observations, null, [IndexSelection.Published], null);
        await store.UpsertAsync(comext, "v1", "run-1", CancellationToken.None);
        await store.UpsertAsync(comtrade, "v1", "run-1", CancellationToken.None);

        var result = await new IndicesFunction(store).GetIndices(Get("280530", string.Empty), "280530", CancellationToken.None);

        var rows = Assert.IsAssignableFrom<IEnumerable<IndexSummary>>(Assert.IsType<OkObjectResult>(result).Value).ToList();
        Assert.Equal(["comext value", "comext weight", "comtrade value", "comtrade weight"], rows.Select(r => $"{r.Source} {r.Basis}").Order(StringComparer.Ordinal));
        var weight = rows.Single(r => r is { Source: "comext", Basis: "weight" });
        Assert.Equal(("processing", 0.25, 0.40, false, "CN", 0.7, true), (weight.Benchmark!.Activity, weight.Benchmark.EuShare, weight.Benchmark.Benchmark,
            weight.Benchmark.MeetsBenchmark, weight.Benchmark.TopSupplier, weight.Benchmark.TopThirdCountryShare, weight.Benchmark.ExceedsSingleCountryBenchmark));
        // Malaysia: |40 - 20| / 40 = 50%, flagged; China 0%.
        Assert.Equal(("MY", 0.5, 1 / 3.0), (weight.Mirror!.LargestGapPartner, weight.Mirror.LargestGap, weight.Mirror.Threshold));
        Assert.Equal(["MY 40000 20000 imports True", "CN 60000 60000 imports False"],
            weight.Mirror.Partners.Select(p => $"{p.Partner} {p.ReportedImportsKg} {p.MirrorExportsKg} {p.LargerSide} {p.Flagged}"));
        Assert.All(rows.Where(r => r != weight), r => Assert.Equal((null, null), (r.Benchmark, r.Mirror)));
        Assert.Equal(100_000m, rows.Single(r => r is { Source: "comtrade", Basis: "weight" }).Indices.Total);
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
