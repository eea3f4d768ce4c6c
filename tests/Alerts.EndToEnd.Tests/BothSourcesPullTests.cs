using System.Diagnostics;
using Alerts.Compute.Engine;
using Alerts.Compute.Store;
using Alerts.Compute.SupplyRisk;
using Alerts.DevStack;
using Alerts.Evaluate.Lifecycle;
using Alerts.Evaluate.Rules;
using Alerts.Evaluate.Run;
using Alerts.Functions.Compute;
using Alerts.Platform.Storage;
using Alerts.Pull;
using Alerts.Pull.Statistics;
using Alerts.TestKit.Pipeline;
using Alerts.TestKit.Samples;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Mvc;
using Xunit.Abstractions;

namespace Alerts.EndToEnd.Tests;

/// <summary>
/// <c>Pull__Sources=comext,comtrade</c> on the local stack: both sources pulled in one run, each series labelled with its
/// source (own indices partition, own alerts), and the mirror check of the EU's imports against the partners' reported
/// exports to the EU (the replay's mirror recordings plant two gaps: Malaysia declares 0.55 times the rare-earth
/// compounds the EU says it got from Malaysia, Viet Nam 1.6 times the magnets) raising the informational rule
/// <c>mirror-gap</c>.
/// </summary>
[Collection(PipelineCollection.Name)]
public sealed class BothSourcesPullTests(BothSourcesPipelineStack p) : IClassFixture<BothSourcesPipelineStack>
{
    [Fact]
    public async Task Pull_BothSources_SeriesPerSourceAndMirrorGapsAlerted()
    {
        var report = await p.Pipeline.Get<PullService>().RunAsync(PullScope.All, force: false, CancellationToken.None);

        // Every sample product from each source, Comext first; every one fetched.
        var products = report.Products.Where(o => o.Commodity is null).ToList();
        Assert.Equal(
            SampleScope.Products.Order().Select(x => ("comext", x)).Concat(SampleScope.Products.Order().Select(x => ("comtrade", x))),
            products.Select(o => (o.Source, o.Product)).OrderBy(x => x.Source, StringComparer.Ordinal).ThenBy(x => x.Product, StringComparer.Ordinal));
        Assert.All(report.Products, o => Assert.Equal(ProductStatus.Fetched, o.Status));

        // The partners' side: one Comtrade call per HS6 product and mirror year (Pull__MirrorYears=2: 2023, 2024), asking the EU's partners for
        // exports to the EU (partner 97, flow X); the EU import pull still asks reporter 97 for 2018-2024.
        var calls = p.Stack.Replay.Exchanges.Snapshot().Where(e => e.Request.Source == LocalStackSettings.ComtradeSource).ToList();
        var mirror = calls.Where(c => c.Request.QueryValue("flowCode") == "X").ToList();
        Assert.Equal(SampleScope.Products.Count * 2, mirror.Count);
        Assert.All(mirror, c => Assert.Equal(("97", 200, true), (c.Request.QueryValue("partnerCode"), c.Status, c.Matched)));
        Assert.Contains("156", mirror.First(c => c.Request.QueryValue("cmdCode") == "284690").Request.QueryValue("reporterCode")!.Split(','));
        Assert.Equal(SampleScope.Products.Count * 7, calls.Count(c => c.Request.QueryValue("flowCode") == "M"));

        // Indices: the same rows from each source, each source's under its own partition (Comext's keep reporter|product).
        var comext = report.Indices.Where(i => i.Series.Source == "comext").ToList();
        var comtrade = report.Indices.Where(i => i.Series.Source == "comtrade").ToList();
        Assert.NotEmpty(comext);
        Assert.Equal(
            string.Join(" ", comext.GroupBy(i => $"{i.Series.WithoutSource}:{i.Basis}").Select(g => $"{g.Key}={g.Count()}").Order(StringComparer.Ordinal)),
            string.Join(" ", comtrade.GroupBy(i => $"{i.Series.WithoutSource}:{i.Basis}").Select(g => $"{g.Key}={g.Count()}").Order(StringComparer.Ordinal)));
        var partitions = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var row in p.Pipeline.Get<StorageAccount>().Table(StorageNames.IndicesTable).QueryAsync<TableEntity>(select: ["PartitionKey", "Source"]))
        {
            partitions.Add($"{row.PartitionKey} {row.GetString("Source")}");
        }

        Assert.Contains("EU27_2020|284690 comext", partitions);
        Assert.Contains("EU27_2020|284690|comtrade comtrade", partitions);

        // Mirror check by hand, 284690 in 2024: Malaysia's declared exports are 0.55 of the EU's imports from it, a gap of
        // 45% (imports larger: transit or re-export); every other partner 3% (0.97). 850511: Viet Nam 1.6 times, 0.6/1.6 = 37.5%.
        var compounds = EuWeightRow(comext, "284690", 2024).Mirror!;
        Assert.Equal(("MY", 0.45), (compounds.LargestGapPartner, Math.Round(compounds.LargestGap, 4)));
        var malaysia = Assert.Single(compounds.Flagged);
        Assert.Equal(("MY", "imports"), (malaysia.Partner, malaysia.LargerSide));
        Assert.Equal(Math.Round(malaysia.ReportedImportsKg * 0.55m, 1), malaysia.MirrorExportsKg);
        Assert.All(compounds.Gaps.Where(g => g.Partner != "MY"), g => Assert.Equal(0.03, g.RelativeGap, 4));
        var magnets = EuWeightRow(comext, "850511", 2024).Mirror!;
        Assert.Equal(("VN", 0.375, "exports"), (magnets.LargestGapPartner, Math.Round(magnets.LargestGap, 4), Assert.Single(magnets.Flagged).LargerSide));
        // Only the EU's Comext rows carry it, and only for the mirror years.
        Assert.All(comtrade, i => Assert.Null(i.Mirror));
        Assert.Null(EuWeightRow(comext, "284690", 2022).Mirror);
        Assert.Equal(("MY", 0.45), (EuWeightRow(comext, "284690", 2023).Mirror!.LargestGapPartner, Math.Round(EuWeightRow(comext, "284690", 2023).Mirror!.LargestGap, 4)));

        // The informational alert: one per product with a gap above a third, on the latest year.
        var gaps = report.Events.Where(e => e.RuleId == DefaultRules.MirrorGapId).ToList();
        Assert.Equal(
            [("284690", 0.45), ("850511", 0.375)],
            gaps.Select(e => (e.Commodity, Math.Round(e.Value, 4))).Order());
        Assert.All(gaps, e => Assert.Equal((Severities.Info, AlertState.Firing, "2024", "comext", "mirrorGap"), (e.Severity, e.State, e.Period, e.Source, e.Metric)));

        // The magnets breach from each source: two alerts, told apart by source.
        var breaches = report.Events.Where(e => e.Commodity == "850511" && e.RuleId == DefaultRules.CrmaSingleCountryId && e.Basis == Basis.Weight).ToList();
        Assert.Equal(["comext", "comtrade"], breaches.Select(e => e.Source).Order(StringComparer.Ordinal));
        Assert.Equal(2, breaches.Select(e => e.Fingerprint).Distinct().Count());
        Assert.Equal(
            AlertFingerprint.Compute(DefaultRules.CrmaSingleCountryId, new SeriesKey("EU27_2020", "850511", TradeFlow.Import), Basis.Weight),
            breaches.Single(e => e.Source == "comext").Fingerprint);

        // The HTTP API shows both sources' rows, labelled, and the mirror check on the EU's Comext weight row.
        var response = await p.Function<IndicesFunction>().GetIndices(PipelineStack.Request("GET", "/api/indices/284690", null, "reader"), "284690", CancellationToken.None);
        var rows = Assert.IsType<List<IndexSummary>>(Assert.IsType<OkObjectResult>(response).Value);
        Assert.Equal(["comext", "comtrade"], rows.Select(r => r.Source).Distinct().Order(StringComparer.Ordinal));
        var served = Assert.Single(rows, r => r.Source == "comext" && r.Basis == "weight" && r.Flow == "import" && r.Period == "2024");
        Assert.Equal(("MY", true), (served.Mirror!.LargestGapPartner, served.Mirror.Partners.Single(x => x.Partner == "MY").Flagged));

        // A second run with the same data on both sides changes nothing and raises nothing.
        var again = await p.Pipeline.Get<PullService>().RunAsync(PullScope.All, force: false, CancellationToken.None);
        Assert.All(again.Products, o => Assert.Equal(ProductStatus.Unchanged, o.Status));
        Assert.Empty(again.Events);
    }

    private static Compute.Series.SeriesIndices EuWeightRow(IEnumerable<Compute.Series.SeriesIndices> rows, string product, int year) =>
        Assert.Single(rows, i => i.Series.Reporter == "EU27_2020" && i.Series.Product == product && i.Series.Flow == TradeFlow.Import
                                 && i.Basis == Basis.Weight && i.Window == Compute.Engine.IndexSelection.Published && i.Period == Period.Annual(year));
}

/// <summary>
/// The default scope from both sources on the replay stack: the pull time and the stored rows (the README's figures),
/// written to the test output.
/// </summary>
[Collection(PipelineCollection.Name)]
public sealed class BothSourcesDefaultScopePullTests(BothSourcesDefaultScopePipelineStack p, ITestOutputHelper output) : IClassFixture<BothSourcesDefaultScopePipelineStack>
{
    [Fact]
    public async Task Pull_DefaultScopeBothSources_EveryHs6CodeFromBoth()
    {
        var watch = Stopwatch.StartNew();
        var report = await p.Pipeline.Get<PullService>().RunAsync(PullScope.All, force: false, CancellationToken.None);
        watch.Stop();

        var products = report.Products.Where(o => o.Commodity is null).ToList();
        Assert.Equal(PullOptions.DefaultProducts.Order(StringComparer.Ordinal), products.Where(o => o.Source == "comext").Select(o => o.Product).Order(StringComparer.Ordinal));
        Assert.All(report.Products.Where(o => o.Source == "comext"), o => Assert.Equal(ProductStatus.Fetched, o.Status));
        // Comtrade: every HS6 code fetched, the two CN8 codes skipped (HS6 only); commodity series summing a CN8 code skipped with them.
        Assert.All(products.Where(o => o.Source == "comtrade"), o => Assert.Equal((o.Product, o.Product.Length == 6 ? ProductStatus.Fetched : ProductStatus.Skipped), (o.Product, o.Status)));

        var rows = 0;
        await foreach (var _ in p.Pipeline.Get<StorageAccount>().Table(StorageNames.IndicesTable).QueryAsync<TableEntity>(select: ["PartitionKey"]))
        {
            rows++;
        }

        Assert.Equal(report.Products.Sum(o => o.IndicesWritten), rows);
        var gaps = report.Events.Count(e => e.RuleId == DefaultRules.MirrorGapId);
        Assert.Equal(2, gaps);
        output.WriteLine(
            $"default scope, both sources: {products.Count(o => o.Source == "comext")} Comext + {products.Count(o => o.Source == "comtrade" && o.Status == ProductStatus.Fetched)} Comtrade products, "
            + $"{report.Products.Count(o => o.Commodity is not null && o.Status == ProductStatus.Fetched)} commodity series, pull {watch.Elapsed.TotalSeconds:F1} s, {rows} rows in indices "
            + $"({report.Indices.Count(i => i.Series.Source == "comext")} Comext, {report.Indices.Count(i => i.Series.Source == "comtrade")} Comtrade), {report.Events.Count} alert events ({gaps} mirror gaps)");
    }
}
