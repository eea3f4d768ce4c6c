using Alerts.Compute.Engine;
using Alerts.Compute.Series;
using Alerts.Compute.Store;
using Alerts.Deliver.Endpoints;
using Alerts.Deliver.History;
using Alerts.DevStack.Replay;
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
using Alerts.Pull.Statistics.Scope;
using Alerts.Route.NotificationLog;
using Alerts.Route.Notifications;
using Alerts.Route.Routing;
using Alerts.Route.Silences;
using Alerts.Route.Subscriptions;
using Alerts.TestKit.Pipeline;
using Alerts.TestKit.Samples;
using Microsoft.AspNetCore.Mvc;

namespace Alerts.EndToEnd.Tests;

/// <summary>
/// Commodity series in the pull: graphite's ore stage sums the two natural-graphite codes the sample pulls
/// (250410 flakes, 250490 other) per partner before shares are computed, and goes through the pipeline as its
/// own series (indices, rules, alerts named after the commodity, snapshot, pull state); unchanged data recomputes
/// nothing; a product it needs that failed makes it skipped, naming the product.
/// </summary>
[Collection(PipelineCollection.Name)]
public sealed class CommoditySeriesTests(PipelineStack p) : IClassFixture<PipelineStack>
{
    private static readonly SeriesKey GraphiteOre = new("EU27_2020", "graphite/ore", TradeFlow.Import);

    [Fact]
    public async Task Pull_TwoCodesOfGraphite_SummedSeriesAlertsByNameThenNothingOnRepeat()
    {
        await p.SubscribeAsync(new { name = "Graphite desk", channel = Channels.Email, target = "graphite@example.eu", minSeverity = "warning", commodities = new[] { "graphite" } });
        await p.SubscribeAsync(new { name = "Rare earths desk", channel = Channels.Email, target = "rare-earths@example.eu", minSeverity = "critical", commodities = new[] { "rare-earths" } });
        var pull = p.Pipeline.Get<PullService>();

        var first = await pull.RunAsync(PullScope.All, force: false, CancellationToken.None);

        var outcome = Assert.Single(first.Products, o => o.Product == "graphite/ore");
        Assert.Equal((ProductStatus.Fetched, "graphite", null, null), (outcome.Status, outcome.Commodity, outcome.Note, outcome.Error));
        Assert.Equal(["250410", "250490"], outcome.Codes);
        // Each rare-earth stage is one pulled product: no series of its own, the product's alerts name the commodity.
        Assert.Equal(["graphite/ore"], first.Products.Where(o => o.Commodity is not null).Select(o => o.Product));
        var rareEarthEvents = first.Events.Where(e => e.Commodity is "850511" or "280530" or "284690").ToList();
        var graphiteCodeEvents = first.Events.Where(e => e.Commodity is "250410" or "250490").ToList();
        Assert.NotEmpty(rareEarthEvents);
        Assert.NotEmpty(graphiteCodeEvents);
        Assert.All(rareEarthEvents, e => Assert.Equal(["rare-earths"], e.CommodityIds));
        Assert.All(graphiteCodeEvents, e => Assert.Empty(e.CommodityIds ?? []));

        // HHI of the summed flows, by hand from the two sample files: third countries, tonnes per partner in 2024.
        var expectedHhi = HandHhi2024("comext/250410.json", "comext/250490.json");
        var hhi2024 = Assert.Single(first.Indices, i => i.Series == GraphiteOre && i.Basis == Basis.Weight && i.Period == Period.Annual(2024));
        Assert.Equal(expectedHhi, hhi2024.Indices.Hhi, 6);
        Assert.Equal("Graphite (battery grade) (ore)", hhi2024.CommodityName);
        // Neither code alone is this concentrated the same way: the sum is its own series.
        Assert.True(Math.Abs(expectedHhi - HandHhi2024("comext/250410.json")) > 50);
        Assert.True(Math.Abs(expectedHhi - HandHhi2024("comext/250490.json")) > 50);

        var fired = Assert.Single(first.Events, e => e.Commodity == "graphite/ore" && e.RuleId == DefaultRules.HhiHighId);
        Assert.Equal((AlertState.Firing, "Graphite (battery grade) (ore)", "2024"), (fired.State, fired.CommodityName, fired.Period));
        Assert.Equal(expectedHhi, fired.Value, 6);
        Assert.Equal(AlertFingerprint.Compute(DefaultRules.HhiHighId, GraphiteOre, Basis.Weight), fired.Fingerprint);

        // Stored like a product's series: snapshot of the sums, pull state, latest indices.
        var snapshot = await p.Pipeline.Get<SnapshotStore>().ReadAsync("comext", GraphiteOre, CancellationToken.None);
        Assert.Equal(outcome.Observations, snapshot!.Observations.Count);
        Assert.All(snapshot.Observations, o => Assert.Equal("graphite/ore", o.Product));
        Assert.NotNull(await p.Pipeline.Get<PullStateStore>().GetAsync("comext", GraphiteOre, CancellationToken.None));
        var stored = Assert.IsAssignableFrom<IEnumerable<IndexSummary>>(Assert.IsType<OkObjectResult>(await p.Function<IndicesFunction>().GetCommodityIndices(
            PipelineStack.Request("GET", "/api/indices/graphite/ore", null, null), "graphite", "Ore", CancellationToken.None)).Value);
        Assert.Equal(expectedHhi, Assert.Single(stored, i => i.Basis == "weight").Indices.Hhi, 6);
        var badStage = Assert.IsType<ObjectResult>(await p.Function<IndicesFunction>().GetCommodityIndices(
            PipelineStack.Request("GET", "/api/indices/graphite/flakes", null, null), "graphite", "flakes", CancellationToken.None));
        Assert.Equal(400, Assert.IsAssignableFrom<ProblemDetails>(badStage.Value).Status);

        // The subscription to the commodity id gets the commodity's alert, named, and nothing about the single codes.
        await p.RouteAsync();
        await p.DeliverAsync(Channels.Email);
        // (Besides the verification mail the subscription got when it was created.)
        var mail = Assert.Single(p.Stack.Smtp.Messages.Snapshot(), m => m.To.Contains("graphite@example.eu") && m.Subject != Alerts.Deliver.Email.VerificationMailer.Subject);
        Assert.Contains("Graphite (battery grade) (ore)", mail.Subject, StringComparison.Ordinal);
        // The subscription to rare-earths gets the magnets' critical alert, raised on product 850511.
        var rareEarths = p.Stack.Smtp.Messages.Snapshot().Where(m => m.To.Contains("rare-earths@example.eu")).ToList();
        Assert.Contains(rareEarths, m => m.Subject.Contains("rare-earth permanent magnets", StringComparison.Ordinal));
        Assert.DoesNotContain(rareEarths, m => m.Subject.Contains("raphite", StringComparison.Ordinal));

        // A second pull with the same data: every product and commodity series unchanged, nothing computed or published.
        p.Clock.Advance(TimeSpan.FromHours(6));
        var second = await pull.RunAsync(PullScope.All, force: false, CancellationToken.None);
        Assert.Equal(first.Products.Select(o => o.Product), second.Products.Select(o => o.Product));
        Assert.All(second.Products, o => Assert.Equal(ProductStatus.Unchanged, o.Status));
        Assert.Empty(second.Indices);
        Assert.Empty(second.Events);

        // A recalculation scoped by commodity id pulls just the codes it sums, and shows the series.
        var result = await p.RecalculateAsync("""{"commodities":["graphite"],"force":true}""");
        Assert.Equal(["250410", "250490", "graphite/ore"], result.Products.Select(o => o.Product));
        Assert.Equal(ProductStatus.Fetched, result.Products[2].Status);
        Assert.Equal(expectedHhi, Assert.Single(result.Indices, i => i.Product == "graphite/ore" && i.Basis == "weight" && i.Period == "2024").Index("hhi"), 6);
        Assert.Empty(result.AlertChanges); // forced, same data: the alert is still firing, no new event
    }

    [Fact]
    public async Task Pull_ProductOfACommodityFails_SeriesSkippedNamingTheProduct()
    {
        p.Stack.Replay.InjectFault(ReplayFault.MalformedBody(), times: 10, when: r => r.QueryValue("product") == "250490");
        PullReport report;
        try
        {
            report = await p.Pipeline.Get<PullService>().RunAsync(new PullScope([], ["graphite/ore"]), force: true, CancellationToken.None);
        }
        finally
        {
            p.Stack.Replay.Reset(); // the other tests of this class share the server
        }

        Assert.Equal(["250410", "250490", "graphite/ore"], report.Products.Select(o => o.Product));
        Assert.Equal(ProductStatus.Failed, report.Products[1].Status);
        var skipped = report.Products[2];
        Assert.Equal(ProductStatus.Skipped, skipped.Status);
        Assert.Contains("product 250490 failed", skipped.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(report.Indices, i => i.Series == GraphiteOre);
        Assert.DoesNotContain(report.Events, e => e.Commodity == "graphite/ore");
    }

    [Fact]
    public async Task Pull_ScopeHasOnlyOneOfTheCodes_SeriesSkippedNotComputedFromPart()
    {
        var report = await p.Pipeline.Get<PullService>().RunAsync(new PullScope(["250410"], ["cobalt"]), force: true, CancellationToken.None);

        Assert.Equal(["250410", "graphite/ore", "cobalt"], report.Products.Select(o => o.Product));
        Assert.Equal(ProductStatus.Skipped, report.Products[1].Status);
        Assert.Contains("product 250490 is not in this run's scope", report.Products[1].Error, StringComparison.Ordinal);
        Assert.Equal(ProductStatus.Skipped, report.Products[2].Status);
        Assert.Contains("Pull:Commodities", report.Products[2].Error, StringComparison.Ordinal);
        Assert.DoesNotContain(report.Indices, i => i.Series == GraphiteOre);
    }

    private static double HandHhi2024(params string[] files)
    {
        var tonnes = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            foreach (var o in TradeDataReader.ReadFile(SampleFiles.Get(file)).Observations)
            {
                var thirdCountry = o.Partner.Length == 2 && !PartnerScope.EuMemberStates.Contains(o.Partner);
                if (thirdCountry && o.Period == Period.Annual(2024) && o.QuantityKg is { } kg)
                {
                    tonnes[o.Partner] = tonnes.GetValueOrDefault(o.Partner) + kg;
                }
            }
        }

        var total = tonnes.Values.Sum();
        Assert.Equal(files.Length == 2 ? 10 : files[0].Contains("250410", StringComparison.Ordinal) ? 7 : 6, tonnes.Count); // 7 partners of flakes, 6 of other graphite, 3 in both
        return tonnes.Values.Sum(t => Math.Pow((double)(t / total) * 100, 2));
    }
}
