using Alerts.Compute.Engine;
using Alerts.Pull.Sources;
using Alerts.Pull.Sources.Comtrade;
using Alerts.Pull.Statistics;
using Alerts.TestKit.Http;
using Alerts.TestKit.Samples;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Alerts.Pull.Tests.Sources;

public sealed class ComtradeClientTests
{
    private const string Key = "test-subscription-key-7f3a";

    private static readonly string Sample = File.ReadAllText(SampleFiles.Get("equivalence/284690-comtrade.json"));

    private static ComtradeQuery Query(params int[] years) =>
        new() { Products = ["284690"], Periods = years.Select(Period.Annual).ToList() };

    private static Dictionary<string, string?> Keyed(string? budget = null) => new()
    {
        ["Sources:Comtrade:SubscriptionKey"] = Key,
        ["Sources:Comtrade:DailyCallBudget"] = budget ?? "500",
    };

    [Fact]
    public async Task GetAsync_WithKey_CallsKeyedEndpointWithHeaderAndParses()
    {
        await using var server = await ScriptedHttpServer.StartAsync(_ => ScriptedResponse.Ok(Sample));
        await using var sp = SourceTestServices.Build(server.BaseAddress, Keyed());

        var data = await sp.GetRequiredService<ComtradeClient>().GetAsync(Query(2019, 2020, 2021, 2022, 2023, 2024), CancellationToken.None);

        var request = Assert.Single(server.Requests);
        Assert.Equal("/data/v1/get/C/A/HS", request.Path);
        Assert.Equal(Key, request.Header(ComtradeClient.KeyHeader));
        Assert.Equal("97", request.Param("reporterCode"));
        Assert.Equal("2019,2020,2021,2022,2023,2024", request.Param("period"));
        Assert.Equal("284690", request.Param("cmdCode"));
        Assert.Equal("M", request.Param("flowCode"));
        Assert.Equal(TradeDataSource.Comtrade, data.Source);
        Assert.Contains(data.Observations, o => o.Partner == "CN" && o.Period == Period.Annual(2024) && o.QuantityKg == 5_972_700m && o.Currency == "USD");
        Assert.DoesNotContain(data.Observations, o => o.Partner.Length != 2);
    }

    [Fact]
    public async Task GetAsync_WithoutKey_UsesPreviewOnePeriodPerCallAndNoKeyHeader()
    {
        await using var server = await ScriptedHttpServer.StartAsync(_ => ScriptedResponse.Ok("{\"count\":0,\"data\":[]}"));
        await using var sp = SourceTestServices.Build(server.BaseAddress);

        await sp.GetRequiredService<ComtradeClient>().GetAsync(Query(2023, 2024), CancellationToken.None);

        Assert.Equal(["2023", "2024"], server.Requests.Select(r => r.Param("period")));
        Assert.All(server.Requests, r => Assert.Equal("/public/v1/preview/C/A/HS", r.Path));
        Assert.All(server.Requests, r => Assert.Null(r.Header(ComtradeClient.KeyHeader)));
    }

    [Fact]
    public async Task GetAsync_429WithTryAgainInBody_WaitsThatLongThenSucceeds()
    {
        var calls = 0;
        await using var server = await ScriptedHttpServer.StartAsync(_ => Interlocked.Increment(ref calls) == 1
            ? new ScriptedResponse(429, "{\"statusCode\":429,\"message\":\"Rate limit is exceeded. Try again in 1 seconds.\"}")
            : ScriptedResponse.Ok(Sample));
        await using var sp = SourceTestServices.Build(server.BaseAddress, Keyed());

        var data = await sp.GetRequiredService<ComtradeClient>().GetAsync(Query(2024), CancellationToken.None);

        Assert.NotEmpty(data.Observations);
        var r = server.Requests;
        Assert.Equal(2, r.Count);
        Assert.True(r[1].At - r[0].At >= TimeSpan.FromMilliseconds(950), $"retried after {(r[1].At - r[0].At).TotalMilliseconds} ms");
    }

    [Fact]
    public async Task GetAsync_BudgetSpent_RefusesWithoutCallingUntilNextUtcDay()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 23, 0, 0, TimeSpan.Zero));
        await using var server = await ScriptedHttpServer.StartAsync(_ => ScriptedResponse.Ok("{\"count\":0,\"data\":[]}"));
        await using var sp = SourceTestServices.Build(server.BaseAddress, Keyed("2"), s => s.AddSingleton<TimeProvider>(clock));
        var client = sp.GetRequiredService<ComtradeClient>();

        await client.GetAsync(Query(2023), CancellationToken.None);
        await client.GetAsync(Query(2024), CancellationToken.None);
        var e = await Assert.ThrowsAsync<TradeSourceException>(() => client.GetAsync(Query(2022), CancellationToken.None));

        Assert.Contains("daily call budget of 2 calls is spent", e.Problem, StringComparison.Ordinal);
        Assert.Contains("2026-12-02 00:00 UTC", e.Problem, StringComparison.Ordinal);
        Assert.Equal("284690", e.Product);
        Assert.Equal(2, server.Requests.Count);
        clock.Advance(TimeSpan.FromHours(1));
        await client.GetAsync(Query(2022), CancellationToken.None);
        Assert.Equal(3, server.Requests.Count);
        Assert.Equal(1, client.RemainingCalls);
    }

    [Fact]
    public async Task GetAsync_Failure_NeverShowsTheKeyInErrorsOrLogs()
    {
        await using var server = await ScriptedHttpServer.StartAsync(_ => new ScriptedResponse(401, "{\"statusCode\":401,\"message\":\"Access denied due to invalid subscription key.\"}"));
        await using var sp = SourceTestServices.Build(server.BaseAddress, Keyed(), s => s.AddFakeLogging());

        var e = await Assert.ThrowsAsync<TradeSourceException>(() => sp.GetRequiredService<ComtradeClient>().GetAsync(Query(2024), CancellationToken.None));

        Assert.Equal(401, e.StatusCode);
        Assert.DoesNotContain(Key, e.ToString(), StringComparison.Ordinal);
        var logs = sp.GetRequiredService<FakeLogCollector>().GetSnapshot();
        Assert.NotEmpty(logs);
        Assert.All(logs, l => Assert.DoesNotContain(Key, l.Message + l.Exception, StringComparison.Ordinal));
        Assert.DoesNotContain(Key, sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<ComtradeClientOptions>>().Value.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetProductsAsync_OneMalformedBody_OthersComplete()
    {
        await using var server = await ScriptedHttpServer.StartAsync(r => r.Param("cmdCode") == "280530"
            ? ScriptedResponse.Ok("{\"count\":1,\"data\":[{\"reporterCode\":97,\"partnerCode\":156,\"flowCode\":\"M\",\"period\":\"2024\",\"cmdCode\":\"280530\",\"netWgt\":\"heavy\"}]}")
            : ScriptedResponse.Ok(Sample));
        await using var sp = SourceTestServices.Build(server.BaseAddress, Keyed());

        var pulls = await sp.GetRequiredService<ComtradeClient>().GetProductsAsync(Query(2024) with { Products = ["280530", "284690"] }, CancellationToken.None);

        var error = Assert.IsType<TradeDataFormatException>(pulls[0].Error);
        Assert.Equal("$.data[0].netWgt", error.Location);
        Assert.Contains("Comtrade 280530", error.Message, StringComparison.Ordinal);
        Assert.True(pulls[1].Succeeded);
    }
}
