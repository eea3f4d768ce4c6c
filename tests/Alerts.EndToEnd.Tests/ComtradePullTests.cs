using System.Globalization;
using Alerts.Cli.Demo;
using Alerts.Compute.Engine;
using Alerts.Compute.Series;
using Alerts.Compute.Store;
using Alerts.Deliver.Endpoints;
using Alerts.Deliver.History;
using Alerts.DevStack;
using Alerts.Evaluate.Lifecycle;
using Alerts.Evaluate.Rules;
using Alerts.Evaluate.Run;
using Alerts.Platform.Storage;
using Alerts.Pull;
using Alerts.Pull.Snapshots;
using Alerts.Pull.Sources;
using Alerts.Pull.State;
using Alerts.Pull.Statistics;
using Alerts.Route.NotificationLog;
using Alerts.Route.Subscriptions;
using Alerts.TestKit.Pipeline;
using Alerts.TestKit.Samples;

namespace Alerts.EndToEnd.Tests;

/// <summary>
/// <c>Pull__Source=comtrade</c> on the local stack: the keyless client asks the replay server's Comtrade preview
/// recordings one year per call, and the pull gives the same indices and the same breaches as Comext gives for
/// the same figures (a second pipeline on the same stack, with its own tables, pulls Comext for reference).
/// </summary>
[Collection(PipelineCollection.Name)]
public sealed class ComtradePullTests(ComtradePipelineStack p) : IClassFixture<ComtradePipelineStack>
{
    [Fact]
    public async Task Pull_ComtradeSource_GivesComextsIndicesAndBreaches()
    {
        var report = await p.Pipeline.Get<PullService>().RunAsync(PullScope.All, force: false, CancellationToken.None);

        Assert.Equal(SampleScope.Products.Order(), report.Products.Where(o => o.Commodity is null).Select(o => o.Product).Order());
        // The commodity series summed from them, whichever source they came from (Comtrade has no vintage stamp: content-based).
        Assert.Equal(
            ["graphite/ore"],
            report.Products.Where(o => o.Commodity is not null).Select(o => o.Product).Order(StringComparer.Ordinal));
        Assert.All(report.Products.Where(o => o.Commodity is not null), o => Assert.StartsWith("content-", o.Vintage, StringComparison.Ordinal));
        Assert.All(report.Products, o => Assert.Equal(("comtrade", ProductStatus.Fetched, (string?)null), (o.Source, o.Status, o.Error)));

        // The trailing 7 years at the fixture's clock (2025-11-20): 2018-2024, one preview call per product and year, all answered.
        var calls = p.Stack.Replay.Exchanges.Snapshot().Where(e => e.Request.Source == LocalStackSettings.ComtradeSource).ToList();
        Assert.Equal(SampleScope.Products.Count * 7, calls.Count);
        Assert.All(calls, c => Assert.Equal(("/public/v1/preview/C/A/HS", 200, true), (c.Request.Path, c.Status, c.Matched)));
        Assert.All(calls, c => Assert.Equal("97", c.Request.QueryValue("reporterCode")));
        Assert.Equal(
            Enumerable.Range(2018, 7).Select(y => y.ToString(CultureInfo.InvariantCulture)),
            calls.Where(c => c.Request.QueryValue("cmdCode") == "850511").Select(c => c.Request.QueryValue("period")!).Order(StringComparer.Ordinal));

        // The magnets breach Comext gives: China above the CRMA 65% benchmark in 2024.
        var magnets = Assert.Single(report.Events, e => e.Commodity == "850511" && e.RuleId == DefaultRules.CrmaSingleCountryId && e.Basis == Basis.Weight);
        Assert.Equal((AlertState.Firing, "2024", "EU27_2020"), (magnets.State, magnets.Period, magnets.Reporter));
        Assert.Equal("CN", magnets.TopSuppliers[0].Partner);

        await using var comext = await LocalPipeline.StartAsync(p.Stack, p.Clock, settings: SampleScope.With(new Dictionary<string, string?> { ["Storage__NamePrefix"] = "comextref" }));
        var reference = await comext.Get<PullService>().RunAsync(PullScope.All, force: false, CancellationToken.None);
        Assert.All(reference.Products, o => Assert.Equal(("comext", ProductStatus.Fetched), (o.Source, o.Status)));

        Assert.Equal(reference.Indices.Count, report.Indices.Count);
        Assert.Equal(Describe(reference.Indices), Describe(report.Indices));
        Assert.NotEmpty(reference.Events);
        Assert.Equal(Describe(reference.Events), Describe(report.Events));
        // Each labelled with its source, so the same rule on the two sources' series is two alerts.
        Assert.All(report.Events, e => Assert.Equal("comtrade", e.Source));
        Assert.All(reference.Events, e => Assert.Equal("comext", e.Source));
        Assert.Empty(report.Events.Select(e => e.Fingerprint).Intersect(reference.Events.Select(e => e.Fingerprint)));

        // Every preview response of a product that brought new data is archived as served, one blob per call (2018 first).
        var archive = p.Pipeline.Get<RawArchive>();
        var day = DateOnly.FromDateTime(report.StartedAt.UtcDateTime);
        var year2024 = await archive.ReadAsync(RawArchive.BlobName("comtrade", day, report.RunId, "850511.7"), CancellationToken.None);
        Assert.Equal(File.ReadAllBytes(SampleFiles.Get("replay/comtrade/850511/2024.json")), year2024);
    }

    // Index and event figures, rounded far below any threshold's resolution: the two sources' readers sum the same
    // decimals, but the value basis is in EUR for one and "USD" for the other, which shares do not see.
    private static List<string> Describe(IEnumerable<SeriesIndices> indices) => [.. indices
        .Select(i => string.Create(CultureInfo.InvariantCulture,
            $"{i.Series.WithoutSource} {i.Basis} {i.Period} total={i.Indices.Total} n={i.Indices.Suppliers} hhi={i.Indices.Hhi:F6} cr1={i.Indices.Cr1:F9} cr3={i.Indices.Cr3:F9} top={i.Indices.TopSupplier}"))
        .Order(StringComparer.Ordinal)];

    private static List<string> Describe(IEnumerable<AlertEvent> events) => [.. events
        .Select(e => string.Create(CultureInfo.InvariantCulture,
            $"{e.RuleId} {e.Commodity} {e.Reporter} {e.Period} {e.Basis} {e.Metric} {e.State} value={e.Value:F9} top={string.Join(",", e.TopSuppliers.Select(s => s.Partner))}"))
        .Order(StringComparer.Ordinal)];
}
