using Alerts.Compute.Engine;
using Alerts.DevStack.Replay;
using Alerts.Pull.Sources;
using Alerts.Pull.Sources.Comext;
using Alerts.Pull.Statistics;
using Alerts.TestKit.Samples;
using Microsoft.Extensions.DependencyInjection;

namespace Alerts.Pull.Tests.Sources;

/// <summary>
/// <see cref="ComextClient"/> through <see cref="ComextSource"/> and its resilience pipeline, against the project's
/// replay server serving the Comext recordings with faults injected: each test pulls several products and checks
/// that the faulty one behaves as required while the others come back with exactly their recorded data.
/// </summary>
public sealed class ComextReplayFaultTests : IAsyncLifetime
{
    private const string Faulty = "284690";

    private ReplayServer _server = null!;

    public async Task InitializeAsync() => _server = await RecordedSources.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task FetchAsync_429WithRetryAfter_WaitsAtLeastThatLongThenGetsTheRecording()
    {
        _server.InjectFault(ReplayFault.TooManyRequests(TimeSpan.FromSeconds(1)), when: r => RecordedSources.IsFor(r, Faulty));
        await using var sp = RecordedSources.Services(_server);

        var pulls = await RecordedSources.PullAsync(RecordedSources.Comext(sp));

        RecordedSources.AssertOthersRecorded(pulls, Faulty, RecordedSources.ComextRecorded);
        Assert.Equal(RecordedSources.ComextRecorded(Faulty), RecordedSources.Canonical(pulls[Faulty].Data!.Observations));
        var calls = RecordedSources.RequestsFor(_server, Faulty);
        Assert.Equal([(429, "429"), (200, null)], calls.Select(c => (c.Status, c.Fault)));
        // Stamped by the server's clock on arrival: the retry came no sooner than Retry-After said. A few ms of
        // slack because the server's wall clock and the client's timer clock are read at slightly different moments.
        var waited = calls[1].Request.ReceivedAt - calls[0].Request.ReceivedAt;
        Assert.True(waited >= TimeSpan.FromSeconds(1) - TimeSpan.FromMilliseconds(5), $"retried after {waited.TotalMilliseconds} ms");
    }

    [Fact]
    public async Task FetchAsync_Repeated500s_RetriesTheConfiguredCountThenFailsNamingSourceProductAndStatus()
    {
        _server.InjectFault(ReplayFault.ServerError(), ReplayServer.Unlimited, r => RecordedSources.IsFor(r, Faulty));
        await using var sp = RecordedSources.Services(_server, new Dictionary<string, string?> { ["Sources:Comext:Resilience:MaxRetryAttempts"] = "2" });

        var pulls = await RecordedSources.PullAsync(RecordedSources.Comext(sp));

        RecordedSources.AssertOthersRecorded(pulls, Faulty, RecordedSources.ComextRecorded);
        var error = Assert.IsType<TradeSourceException>(pulls[Faulty].Error);
        Assert.Equal(("Comext", Faulty, 500, false), (error.DataSource, error.Product, error.StatusCode, error.NotAttempted));
        Assert.StartsWith("Comext product 284690: HTTP 500 from statistics/1.0/data/DS-045409", error.Message, StringComparison.Ordinal);
        Assert.Contains("Internal Server error", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, RecordedSources.RequestsFor(_server, Faulty).Count); // the first try and 2 retries
    }

    [Theory]
    // one slow answer: the attempt times out, the retry gets the recording
    [InlineData(1, true)]
    // always slow: every attempt times out, the product fails naming the timeout
    [InlineData(ReplayServer.Unlimited, false)]
    public async Task FetchAsync_AnswerSlowerThanTheAttemptTimeout_RetriedThenRecordingOrTimeoutNamed(int slowAnswers, bool succeeds)
    {
        _server.InjectFault(ReplayFault.Delayed(TimeSpan.FromSeconds(30)), slowAnswers, r => RecordedSources.IsFor(r, Faulty));
        await using var sp = RecordedSources.Services(_server, new Dictionary<string, string?>
        {
            ["Sources:Comext:Resilience:AttemptTimeout"] = "00:00:01",
            ["Sources:Comext:Resilience:MaxRetryAttempts"] = "1",
        });

        // The faulty product last, so the attempts that time out are the only slow ones on a warm connection pool.
        var pulls = await RecordedSources.PullAsync(RecordedSources.Comext(sp), ["280530", "850511", Faulty]);

        RecordedSources.AssertOthersRecorded(pulls.OrderBy(p => Array.IndexOf(RecordedSources.Products, p.Key)).ToDictionary(), Faulty, RecordedSources.ComextRecorded);
        Assert.Equal(2, RecordedSources.RequestsFor(_server, Faulty).Count);
        if (succeeds)
        {
            Assert.Equal(RecordedSources.ComextRecorded(Faulty), RecordedSources.Canonical(pulls[Faulty].Data!.Observations));
        }
        else
        {
            var error = Assert.IsType<TradeSourceException>(pulls[Faulty].Error);
            Assert.Equal(("Comext", Faulty), (error.DataSource, error.Product));
            Assert.StartsWith("Comext product 284690: timed out", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task FetchAsync_413OverOneYear_SplitsByYearAndCombinesToExactlyTheRecording()
    {
        _server.LimitComextExtraction(maxProducts: 1, maxPeriods: 1, when: r => RecordedSources.IsFor(r, "280530"));
        await using var sp = RecordedSources.Services(_server);

        var pulls = await RecordedSources.PullAsync(RecordedSources.Comext(sp));

        RecordedSources.AssertOthersRecorded(pulls, "280530", RecordedSources.ComextRecorded);
        var split = pulls["280530"].Data!;
        Assert.Equal(RecordedSources.ComextRecorded("280530"), RecordedSources.Canonical(split.Observations));
        Assert.Equal("2025-10-15T11:00:00+0200", split.Vintage.Text);
        Assert.Equal(6, split.Payloads.Count); // one archived payload per year asked
        var calls = RecordedSources.RequestsFor(_server, "280530");
        Assert.Equal([(413, "2019", "2024"), .. Enumerable.Range(2019, 6).Select(y => (200, $"{y}", $"{y}"))],
            calls.Select(c => (c.Status, c.Request.QueryValue("sinceTimePeriod"), c.Request.QueryValue("untilTimePeriod"))));
        Assert.All(calls.Skip(1), c => Assert.True(c.Matched));
    }

    [Fact]
    public async Task GetAsync_413ForTwoProductsOverSixYears_SplitsByProductThenByYearIntoExactlyTheRecordings()
    {
        _server.LimitComextExtraction(maxProducts: 1, maxPeriods: 1);
        await using var sp = RecordedSources.Services(_server);
        var query = new ComextQuery { Products = ["280530", "284690"], From = Period.Annual(2019), To = Period.Annual(2024) };

        var data = await sp.GetRequiredService<ComextClient>().GetAsync(query, CancellationToken.None);

        Assert.Equal(RecordedSources.Canonical(RecordedSources.ComextRecorded("280530").Concat(RecordedSources.ComextRecorded("284690"))), RecordedSources.Canonical(data.Observations));
        var calls = _server.Exchanges.Snapshot();
        // Both products at once, each product alone (refused as six years), then each product year by year.
        Assert.Equal(1 + 2 + 12, calls.Count);
        Assert.Equal(["280530,284690", "280530", "284690"], calls.Where(c => c.Status == 413).Select(c => string.Join(",", c.Request.QueryValues("product"))));
        Assert.All(calls.Where(c => c.Status != 413), c => Assert.Equal((200, true, 1), (c.Status, c.Matched, c.Request.QueryValues("product").Count)));
    }

    [Fact]
    public async Task GetAsync_413ThatCannotBeSplitFurther_FailsNamingTheLimit()
    {
        _server.LimitComextExtraction(maxProducts: 1, maxPeriods: 1);
        await using var sp = RecordedSources.Services(_server, new Dictionary<string, string?> { ["Sources:Comext:MaxSplitDepth"] = "1" });
        var query = new ComextQuery { Products = ["280530", "284690"], From = Period.Annual(2019), To = Period.Annual(2024) };

        var e = await Assert.ThrowsAsync<TradeSourceException>(() => sp.GetRequiredService<ComextClient>().GetAsync(query, CancellationToken.None));

        Assert.Equal(("Comext", "280530", 413), (e.DataSource, e.Product, e.StatusCode));
        Assert.Contains("extraction too big and cannot be split further", e.Problem, StringComparison.Ordinal);
        Assert.Contains("EXTRACTION_TOO_BIG", e.Problem, StringComparison.Ordinal);
    }

    [Theory]
    // the recording cut off half way, inside the values: a truncated document
    [InlineData("truncated", "$.value")]
    // a value of the wrong type, at its JSON path
    [InlineData("wrong type", "$.value['0']")]
    public async Task FetchAsync_MalformedJsonStat_NamesSourceProductAndWhereWhileOthersComplete(string damage, string location)
    {
        var fault = damage == "truncated"
            ? ReplayFault.MalformedBody()
            : ReplayFault.WithStatus(200, File.ReadAllText(SampleFiles.Get($"replay/comext/{Faulty}.json")).Replace("\"0\": 69300", "\"0\": \"lots\"", StringComparison.Ordinal));
        _server.InjectFault(fault, when: r => RecordedSources.IsFor(r, Faulty));
        await using var sp = RecordedSources.Services(_server);

        var pulls = await RecordedSources.PullAsync(RecordedSources.Comext(sp));

        RecordedSources.AssertOthersRecorded(pulls, Faulty, RecordedSources.ComextRecorded);
        var error = Assert.IsType<TradeDataFormatException>(pulls[Faulty].Error);
        Assert.Equal(location, error.Location);
        Assert.StartsWith("Comext", error.DataSource, StringComparison.Ordinal);
        Assert.StartsWith($"Comext {Faulty} (statistics/1.0/data/DS-045409?", error.Origin, StringComparison.Ordinal);
        Assert.Single(RecordedSources.RequestsFor(_server, Faulty)); // a bad body is not retried
    }

    [Fact]
    public async Task GetSdmxAsync_MalformedCsvLine_NamesSourceProductAndLineWhileOthersComplete()
    {
        var csv = File.ReadAllLines(SampleFiles.Get($"replay/comext/sdmx/{Faulty}.csv"));
        csv[3] = csv[3].Replace(",2021,", ",2021,lots", StringComparison.Ordinal);
        _server.InjectFault(ReplayFault.WithStatus(200, string.Join("\n", csv), "text/csv"), when: r => r.Path.Contains($"..{Faulty}.", StringComparison.Ordinal));
        await using var sp = RecordedSources.Services(_server);
        var client = sp.GetRequiredService<ComextClient>();

        var pulls = new Dictionary<string, ProductPull>();
        foreach (var product in RecordedSources.Products)
        {
            var query = new ComextQuery { Products = [product], From = Period.Annual(2019), To = Period.Annual(2024) };
            try
            {
                pulls[product] = new ProductPull(product, await client.GetSdmxAsync(query, CancellationToken.None), null);
            }
            catch (TradeDataFormatException e)
            {
                pulls[product] = new ProductPull(product, null, e);
            }
        }

        RecordedSources.AssertOthersRecorded(pulls, Faulty, RecordedSources.ComextRecorded);
        var error = Assert.IsType<TradeDataFormatException>(pulls[Faulty].Error);
        Assert.Equal("line 4", error.Location);
        Assert.StartsWith($"Comext {Faulty} (sdmx/2.1/data/DS-045409/", error.Origin, StringComparison.Ordinal);
        Assert.Contains("OBS_VALUE", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FetchAsync_RepeatedFailuresOpenTheCircuit_LaterProductsRefusedWithoutACallUntilItCloses()
    {
        _server.InjectFault(ReplayFault.ServerError(), ReplayServer.Unlimited, r => RecordedSources.IsFor(r, Faulty));
        await using var sp = RecordedSources.Services(_server, new Dictionary<string, string?>
        {
            ["Sources:Comext:Resilience:MaxRetryAttempts"] = "1",
            ["Sources:Comext:Resilience:BreakerMinimumThroughput"] = "2",
            ["Sources:Comext:Resilience:BreakerFailureRatio"] = "0.5",
            ["Sources:Comext:Resilience:BreakerBreakDuration"] = "00:00:00.500",
        });
        var source = RecordedSources.Comext(sp);

        var pulls = await RecordedSources.PullAsync(source, [Faulty, "280530", "850511"]);

        Assert.Equal(500, Assert.IsType<TradeSourceException>(pulls[Faulty].Error).StatusCode);
        foreach (var product in new[] { "280530", "850511" })
        {
            var refused = Assert.IsType<TradeSourceException>(pulls[product].Error);
            Assert.True(refused.NotAttempted);
            Assert.StartsWith($"Comext product {product}: circuit open after repeated failures; not calling Comext for now", refused.Message, StringComparison.Ordinal);
            Assert.Empty(RecordedSources.RequestsFor(_server, product));
        }

        Assert.Equal(2, _server.Exchanges.Count);

        // Once the break is over the circuit lets a call through again, and the healthy products complete.
        await Task.Delay(TimeSpan.FromMilliseconds(600));
        var later = await RecordedSources.PullAsync(source, ["280530", "850511"]);
        Assert.All(later, p => Assert.Equal(RecordedSources.ComextRecorded(p.Key), RecordedSources.Canonical(p.Value.Data!.Observations)));
    }
}
