using Alerts.Compute.Engine;
using Alerts.DevStack.Replay;
using Alerts.Pull.Sources;
using Alerts.Pull.Sources.Comtrade;
using Alerts.Pull.Statistics;
using Alerts.TestKit.Samples;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Alerts.Pull.Tests.Sources;

/// <summary>
/// <see cref="ComtradeClient"/> (keyless: the preview endpoint, one call per year) through <see cref="ComtradeSource"/>
/// and its resilience pipeline, against the project's replay server serving the Comtrade recordings with faults
/// injected: the faulty product behaves as required, the others come back with exactly their recorded data.
/// </summary>
public sealed class ComtradeReplayFaultTests : IAsyncLifetime
{
    private const string Faulty = "284690";

    private ReplayServer _server = null!;

    public async Task InitializeAsync() => _server = await RecordedSources.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    // the wait in the Retry-After header (and the body)
    [InlineData(true)]
    // the wait only in the body: "Try again in 1 seconds."
    [InlineData(false)]
    public async Task FetchAsync_429WithItsRetryTime_WaitsAtLeastThatLongThenGetsTheRecording(bool inHeader)
    {
        var wait = TimeSpan.FromSeconds(1);
        _server.InjectFault(inHeader ? ReplayFault.TooManyRequests(wait) : ReplayFault.TooManyRequestsInBody(wait), when: r => IsFor(r, Faulty, "2022"));
        await using var sp = RecordedSources.Services(_server);

        var pulls = await RecordedSources.PullAsync(RecordedSources.Comtrade(sp));

        RecordedSources.AssertOthersRecorded(pulls, Faulty, RecordedSources.ComtradeRecorded);
        Assert.Equal(RecordedSources.ComtradeRecorded(Faulty), RecordedSources.Canonical(pulls[Faulty].Data!.Observations));
        var calls = _server.Exchanges.Snapshot().Where(e => IsFor(e.Request, Faulty, "2022")).ToList();
        Assert.Equal([429, 200], calls.Select(c => c.Status));
        // Server arrival stamps; a few ms of slack for the two clocks (server wall clock, client timer) being read apart.
        var waited = calls[1].Request.ReceivedAt - calls[0].Request.ReceivedAt;
        Assert.True(waited >= wait - TimeSpan.FromMilliseconds(5), $"retried after {waited.TotalMilliseconds} ms");
    }

    [Theory]
    // exactly the two first products' calls: the third finds the budget spent
    [InlineData(12, "daily call budget of 12 calls is spent")]
    // two calls left but six needed: refused up front rather than failing half way
    [InlineData(14, "daily call budget of 14 calls has 2 left, 6 needed")]
    public async Task FetchAsync_DailyBudgetRunsOut_LastProductRefusedNamingTheBudgetWithoutARequest(int budget, string reason)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 11, 20, 6, 0, 0, TimeSpan.Zero));
        await using var sp = RecordedSources.Services(
            _server,
            new Dictionary<string, string?> { ["Sources:Comtrade:DailyCallBudget"] = $"{budget}" },
            s => s.AddSingleton<TimeProvider>(clock));

        var pulls = await RecordedSources.PullAsync(RecordedSources.Comtrade(sp));

        const string last = "850511";
        RecordedSources.AssertOthersRecorded(pulls, last, RecordedSources.ComtradeRecorded);
        var refused = Assert.IsType<TradeSourceException>(pulls[last].Error);
        Assert.True(refused.NotAttempted);
        Assert.Equal($"Comtrade product {last}: {reason}; not calling; it resets at 2025-11-21 00:00 UTC", refused.Message);
        Assert.Empty(RecordedSources.RequestsFor(_server, last));
        Assert.Equal(12, _server.Exchanges.Count);
        Assert.Equal(budget - 12, sp.GetRequiredService<ComtradeClient>().RemainingCalls);
    }

    [Theory]
    // the 2021 answer cut off half way
    [InlineData("truncated", "$.data")]
    // a weight that is not a number
    [InlineData("wrong type", "$.data[0].netWgt")]
    public async Task FetchAsync_MalformedBody_NamesSourceProductAndJsonPathWhileOthersComplete(string damage, string location)
    {
        var fault = damage == "truncated"
            ? ReplayFault.MalformedBody()
            : ReplayFault.WithStatus(200, File.ReadAllText(SampleFiles.Get($"replay/comtrade/{Faulty}/2021.json")).Replace("\"netWgt\": 7052000", "\"netWgt\": \"heavy\"", StringComparison.Ordinal));
        _server.InjectFault(fault, when: r => IsFor(r, Faulty, "2021"));
        await using var sp = RecordedSources.Services(_server);

        var pulls = await RecordedSources.PullAsync(RecordedSources.Comtrade(sp));

        RecordedSources.AssertOthersRecorded(pulls, Faulty, RecordedSources.ComtradeRecorded);
        var error = Assert.IsType<TradeDataFormatException>(pulls[Faulty].Error);
        Assert.Equal(location, error.Location);
        Assert.StartsWith($"Comtrade {Faulty} (public/v1/preview/C/A/HS)", error.Origin, StringComparison.Ordinal);
        Assert.Contains($"Comtrade {Faulty}", error.Message, StringComparison.Ordinal);
        // The product stops at the bad year: 2019, 2020 and 2021 asked, nothing after.
        Assert.Equal(["2019", "2020", "2021"], RecordedSources.RequestsFor(_server, Faulty).Select(c => c.Request.QueryValue("period")));
    }

    private static bool IsFor(ReplayRequest request, string product, string period) =>
        request.QueryValue("cmdCode") == product && request.QueryValue("period") == period;
}
