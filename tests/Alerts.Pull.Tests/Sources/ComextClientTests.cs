using System.Globalization;
using Alerts.Compute.Engine;
using Alerts.Pull.Sources;
using Alerts.Pull.Sources.Comext;
using Alerts.Pull.Statistics;
using Alerts.Pull.Statistics.JsonStat;
using Alerts.TestKit.Http;
using Alerts.TestKit.Samples;
using Microsoft.Extensions.DependencyInjection;

namespace Alerts.Pull.Tests.Sources;

public sealed class ComextClientTests
{
    private static readonly string[] DemoProducts = ["280530", "284690", "850511", "811292", "250410", "250490"];

    private static readonly Dictionary<string, string?> ShortAttempts = new() { ["Sources:Comext:Resilience:AttemptTimeout"] = "00:00:01" };

    private static ComextQuery Annual(params string[] products) =>
        new() { Products = products, From = Period.Annual(2019), To = Period.Annual(2024) };

    private static string YearBody(int year, string product = "280530") =>
        "{\"class\":\"dataset\",\"updated\":\"2026-01-0" + (year % 9 + 1).ToString(CultureInfo.InvariantCulture) + "T10:00:00+0100\",\"value\":{\"0\":" + year.ToString(CultureInfo.InvariantCulture) + ",\"1\":10}," +
        "\"id\":[\"freq\",\"reporter\",\"partner\",\"product\",\"flow\",\"indicators\",\"time\"],\"size\":[1,1,1,1,1,2,1],\"dimension\":{" +
        "\"freq\":{\"category\":{\"index\":{\"A\":0}}},\"reporter\":{\"category\":{\"index\":{\"EU27_2020\":0}}},\"partner\":{\"category\":{\"index\":{\"CN\":0}}}," +
        "\"product\":{\"category\":{\"index\":{\"" + product + "\":0}}},\"flow\":{\"category\":{\"index\":{\"1\":0}}}," +
        "\"indicators\":{\"category\":{\"index\":{\"QUANTITY_IN_100KG\":0,\"VALUE_IN_EUROS\":1}}},\"time\":{\"category\":{\"index\":{\"" + year.ToString(CultureInfo.InvariantCulture) + "\":0}}}}}";

    [Fact]
    public async Task GetAsync_DemoProductsAgainstReplayManifest_EachRequestMatchesOneRecordingAndParses()
    {
        var manifest = ReplayManifest.LoadComext();
        // Paths in the manifest are relative to the Comext base URL, here http://127.0.0.1:port/comext.
        await using var server = await ScriptedHttpServer.StartAsync(r => manifest.Answer(r with { Path = r.Path["/comext".Length..] }));
        await using var sp = SourceTestServices.Build(new Uri(server.BaseAddress, "comext/"));
        var client = sp.GetRequiredService<ComextClient>();

        foreach (var product in DemoProducts)
        {
            var data = await client.GetAsync(Annual(product), CancellationToken.None);

            using var sample = SampleFiles.Open($"comext/{product}.json");
            Assert.Equal(JsonStatReader.Read(sample, product).Observations, data.Observations);
            Assert.Equal("2025-10-15T11:00:00+0200", data.Vintage.Text);
        }

        var monthly = await client.GetAsync(new ComextQuery { Products = ["850511"], From = Period.Monthly(2024, 1), To = Period.Monthly(2024, 6) }, CancellationToken.None);
        Assert.All(monthly.Observations, o => Assert.False(o.Period.IsAnnual));
        var sdmx = await client.GetSdmxAsync(Annual("850511"), CancellationToken.None);
        Assert.Equal(TradeDataFormat.ComextSdmxCsv, sdmx.Format);
        Assert.NotEmpty(sdmx.Observations);
        Assert.All(server.Requests, r => Assert.Single(manifest.Matches(r with { Path = r.Path["/comext".Length..] })));
    }

    [Fact]
    public async Task GetAsync_429WithRetryAfter_WaitsThatLongThenSucceeds()
    {
        var calls = 0;
        await using var server = await ScriptedHttpServer.StartAsync(_ => Interlocked.Increment(ref calls) == 1
            ? new ScriptedResponse(429, "{}") { Headers = new Dictionary<string, string> { ["Retry-After"] = "1" } }
            : ScriptedResponse.Ok(YearBody(2024)));
        await using var sp = SourceTestServices.Build(server.BaseAddress);

        var data = await sp.GetRequiredService<ComextClient>().GetAsync(Annual("280530"), CancellationToken.None);

        Assert.Single(data.Observations);
        var r = server.Requests;
        Assert.Equal(2, r.Count);
        Assert.True(r[1].At - r[0].At >= TimeSpan.FromMilliseconds(950), $"retried after {(r[1].At - r[0].At).TotalMilliseconds} ms");
    }

    [Fact]
    public async Task GetAsync_Repeated500s_RetriesThenFailsNamingSourceAndProduct()
    {
        await using var server = await ScriptedHttpServer.StartAsync(_ => new ScriptedResponse(500, "internal error"));
        await using var sp = SourceTestServices.Build(server.BaseAddress);

        var e = await Assert.ThrowsAsync<TradeSourceException>(() => sp.GetRequiredService<ComextClient>().GetAsync(Annual("280530"), CancellationToken.None));

        Assert.Equal(500, e.StatusCode);
        Assert.Equal("Comext", e.DataSource);
        Assert.Equal("280530", e.Product);
        Assert.Contains("internal error", e.Message, StringComparison.Ordinal);
        Assert.Equal(4, server.Requests.Count); // first try + 3 retries
    }

    [Fact]
    public async Task GetAsync_SlowFirstAnswer_TimesOutTheAttemptAndRetries()
    {
        var calls = 0;
        await using var server = await ScriptedHttpServer.StartAsync(_ => Interlocked.Increment(ref calls) == 1
            ? ScriptedResponse.Ok(YearBody(2024)) with { Delay = TimeSpan.FromSeconds(5) }
            : ScriptedResponse.Ok(YearBody(2024)));
        await using var sp = SourceTestServices.Build(server.BaseAddress, ShortAttempts);

        var data = await sp.GetRequiredService<ComextClient>().GetAsync(Annual("280530"), CancellationToken.None);

        Assert.Single(data.Observations);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task GetAsync_AlwaysSlow_FailsWithTimeout()
    {
        await using var server = await ScriptedHttpServer.StartAsync(_ => ScriptedResponse.Ok("{}") with { Delay = TimeSpan.FromSeconds(5) });
        await using var sp = SourceTestServices.Build(server.BaseAddress, new Dictionary<string, string?>(ShortAttempts) { ["Sources:Comext:Resilience:MaxRetryAttempts"] = "1" });

        var e = await Assert.ThrowsAsync<TradeSourceException>(() => sp.GetRequiredService<ComextClient>().GetAsync(Annual("850511"), CancellationToken.None));

        Assert.Contains("timed out", e.Problem, StringComparison.Ordinal);
        Assert.Equal("850511", e.Product);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task GetAsync_413ForTheRange_SplitsByYearAndCombines()
    {
        await using var server = await ScriptedHttpServer.StartAsync(r =>
            r.Param("sinceTimePeriod") != r.Param("untilTimePeriod")
                ? new ScriptedResponse(413, "{\"error\":{\"status\":413,\"id\":\"EXTRACTION_TOO_BIG\",\"label\":\"Extraction too big\"}}")
                : ScriptedResponse.Ok(YearBody(int.Parse(r.Param("sinceTimePeriod")!, CultureInfo.InvariantCulture))));
        await using var sp = SourceTestServices.Build(server.BaseAddress);

        var data = await sp.GetRequiredService<ComextClient>().GetAsync(Annual("280530"), CancellationToken.None);

        Assert.Equal(Enumerable.Range(2019, 6).Select(Period.Annual), data.Observations.Select(o => o.Period));
        Assert.Equal(2019m * 100, data.Observations[0].QuantityKg);
        Assert.Equal(7, server.Requests.Count);
        Assert.Equal("2026-01-09T10:00:00+0100", data.Vintage.Text); // the latest part's vintage (2024 % 9 + 1 = 9)
    }

    [Fact]
    public async Task GetAsync_413ForSeveralProducts_SplitsByProductFirst()
    {
        await using var server = await ScriptedHttpServer.StartAsync(r =>
            r.Query["product"].Count > 1
                ? new ScriptedResponse(413, "{\"error\":{\"id\":\"EXTRACTION_TOO_BIG\"}}")
                : ScriptedResponse.Ok(YearBody(2024, r.Param("product")!)));
        await using var sp = SourceTestServices.Build(server.BaseAddress);

        var data = await sp.GetRequiredService<ComextClient>().GetAsync(Annual("280530", "850511"), CancellationToken.None);

        Assert.Equal(["280530", "850511"], data.Observations.Select(o => o.Product));
    }

    [Fact]
    public async Task GetProductsAsync_OneMalformedBody_NamesSourceProductAndPathWhileOthersComplete()
    {
        await using var server = await ScriptedHttpServer.StartAsync(r => r.Param("product") switch
        {
            "280530" => ScriptedResponse.Ok(YearBody(2024)[..150]), // cut off mid-document
            "284690" => ScriptedResponse.Ok(YearBody(2024).Replace("\"0\":2024", "\"0\":\"lots\"", StringComparison.Ordinal)),
            "811292" => new ScriptedResponse(500, "down"),
            var p => ScriptedResponse.Ok(YearBody(2024, p!)),
        });
        await using var sp = SourceTestServices.Build(server.BaseAddress);

        var pulls = await sp.GetRequiredService<ComextClient>().GetProductsAsync(Annual("280530", "284690", "850511", "811292"), CancellationToken.None);

        var truncated = Assert.IsType<TradeDataFormatException>(pulls[0].Error);
        Assert.Contains("Comext 280530", truncated.Message, StringComparison.Ordinal);
        Assert.Contains("truncated", truncated.Problem, StringComparison.Ordinal);
        var wrongType = Assert.IsType<TradeDataFormatException>(pulls[1].Error);
        Assert.Equal("$.value['0']", wrongType.Location);
        Assert.Contains("284690", wrongType.Message, StringComparison.Ordinal);
        Assert.True(pulls[2].Succeeded);
        Assert.Single(pulls[2].Data!.Observations);
        Assert.Equal(500, Assert.IsType<TradeSourceException>(pulls[3].Error).StatusCode);
    }

    [Fact]
    public async Task GetAsync_404_GivesAnEmptySet()
    {
        await using var server = await ScriptedHttpServer.StartAsync(_ => new ScriptedResponse(404, "{\"error\":{\"label\":\"No data\"}}"));
        await using var sp = SourceTestServices.Build(server.BaseAddress);

        var data = await sp.GetRequiredService<ComextClient>().GetAsync(Annual("280530"), CancellationToken.None);

        Assert.Empty(data.Observations);
    }
}
