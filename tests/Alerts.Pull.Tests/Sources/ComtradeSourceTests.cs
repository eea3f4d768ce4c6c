using Alerts.Compute.Series;
using Alerts.Evaluate.Run;
using Alerts.Pull;
using Alerts.Pull.Sources;
using Alerts.Pull.Sources.Comtrade;
using Alerts.TestKit.Http;
using Alerts.TestKit.Samples;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Alerts.Pull.Tests.Sources;

/// <summary>The Comtrade pull source over the real client (no key: the preview endpoint, one call per period) against a scripted server on 127.0.0.1.</summary>
public sealed class ComtradeSourceTests
{
    private static readonly string Sample = File.ReadAllText(SampleFiles.Get("equivalence/284690-comtrade.json"));

    [Theory]
    [InlineData("A", 7, "2025-11-20", new[] { "2018", "2019", "2020", "2021", "2022", "2023", "2024" })] // annual: complete years up to last year
    [InlineData("A", 1, "2026-01-01", new[] { "2025" })] // one trailing year on New Year's day
    [InlineData("M", 3, "2026-01-15", new[] { "202510", "202511", "202512" })] // monthly across the year end
    public async Task FetchAsync_TrailingWindow_OnePreviewCallPerPeriod(string frequency, int trailing, string today, string[] periods)
    {
        await using var server = await ScriptedHttpServer.StartAsync(_ => ScriptedResponse.Ok("{\"count\":0,\"data\":[]}"));
        await using var sp = SourceTestServices.Build(server.BaseAddress);
        var options = new PullOptions { Source = "comtrade", Frequency = frequency, TrailingYears = trailing, TrailingMonths = trailing };

        await Source(sp, options, today).FetchAsync("284690", CancellationToken.None);

        Assert.Equal(periods, server.Requests.Select(r => r.Param("period")));
        Assert.All(server.Requests, r => Assert.Equal(($"/public/v1/preview/C/{frequency}/HS", "97", "284690", "M"), (r.Path, r.Param("reporterCode"), r.Param("cmdCode"), r.Param("flowCode"))));
    }

    [Fact]
    public async Task FetchAsync_PreviewAnswers_CombinedObservationsWithEveryPayload()
    {
        await using var server = await ScriptedHttpServer.StartAsync(_ => ScriptedResponse.Ok(Sample));
        await using var sp = SourceTestServices.Build(server.BaseAddress);

        // One trailing year: one call, its body kept byte for byte for the raw archive.
        var data = await Source(sp, new PullOptions { TrailingYears = 1 }, "2025-11-20").FetchAsync("284690", CancellationToken.None);

        Assert.Equal("comtrade", Source(sp, new PullOptions(), "2025-11-20").Name);
        var payload = Assert.Single(data.Payloads);
        Assert.Equal(Sample, System.Text.Encoding.UTF8.GetString(payload.Bytes.Span));
        Assert.Equal("json", payload.Extension);
        Assert.Contains(data.Observations, o => o.Partner == "CN" && o.Period == Alerts.Pull.Statistics.Period.Annual(2024) && o.Reporter == "EU27_2020");
    }

    [Fact]
    public async Task FetchAsync_Cn8Code_SkippedWithoutACallNamingHs6()
    {
        await using var server = await ScriptedHttpServer.StartAsync(_ => ScriptedResponse.Ok(Sample));
        await using var sp = SourceTestServices.Build(server.BaseAddress);

        var e = await Assert.ThrowsAsync<TradeSourceException>(() => Source(sp, new PullOptions(), "2025-11-20").FetchAsync("81129289", CancellationToken.None));

        Assert.True(e.NotAttempted); // reported as skipped, not as a source failure
        Assert.Equal("Comtrade product 81129289: UN Comtrade resolves to HS6 codes only; this code is pulled from Comext", e.Message);
        Assert.Empty(server.Requests);
    }

    [Theory]
    [InlineData("EU27_2020", 97)] // the EU as Comext names it
    [InlineData("DE", 276)] // a member state by ISO-2
    [InlineData("FR", 251)] // Comtrade's own code where it differs from ISO (250)
    [InlineData("699", 699)] // an M49 number as it is
    public void ReporterCode_Reporter_M49Code(string reporter, int expected) =>
        Assert.Equal(expected, ComtradeSource.ReporterCode(reporter));

    [Theory]
    [InlineData("XX")] // no such country
    [InlineData("EXT_EU27_2020")] // an aggregate Comtrade does not report
    [InlineData("-97")] // not a code
    public void ReporterCode_Unknown_NamesSettingAndValue(string reporter)
    {
        var e = Assert.Throws<InvalidOperationException>(() => ComtradeSource.ReporterCode(reporter));

        Assert.Contains("Pull:Reporter", e.Message, StringComparison.Ordinal);
        Assert.Contains($"'{reporter}'", e.Message, StringComparison.Ordinal);
    }

    private static ComtradeSource Source(IServiceProvider sp, PullOptions options, string today) => new(
        sp.GetRequiredService<ComtradeClient>(),
        Options.Create(options),
        new FakeTimeProvider(DateTimeOffset.Parse(today + "T06:00:00Z", System.Globalization.CultureInfo.InvariantCulture)));
}
