using Alerts.Compute.Engine;
using Alerts.Compute.Series;
using Alerts.Compute.Store;
using Alerts.Deliver.Endpoints;
using Alerts.Deliver.History;
using Alerts.DevStack;
using Alerts.DevStack.Replay;
using Alerts.Evaluate.Lifecycle;
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
using Azure;

namespace Alerts.EndToEnd.Tests;

/// <summary>
/// <see cref="PullService"/> on the local stack with a source fault injected into the replay server: the run's
/// report names the faulty product's outcome and reason, the others are fetched, and nothing is stored for it.
/// </summary>
[Collection(PipelineCollection.Name)]
public sealed class PullServiceSourceFaultTests(SystemClockPipelineStack p) : IClassFixture<SystemClockPipelineStack>
{
    [Fact]
    public async Task RunAsync_OneComextProductAnswersRepeated500s_ItFailsWithTheReasonOthersFetchedNothingStoredForIt()
    {
        p.Stack.Reset();
        p.Stack.Replay.InjectFault(ReplayFault.ServerError(), ReplayServer.Unlimited, r => r.QueryValue("product") == "850511");

        var report = await p.Comext.Get<PullService>().RunAsync(PullScope.All, force: false, CancellationToken.None);

        var products = report.Products.Where(o => o.Commodity is null).ToList();
        var failed = Assert.Single(products, o => o.Status == ProductStatus.Failed);
        Assert.Equal(("comext", "850511", 0), (failed.Source, failed.Product, failed.Observations));
        Assert.StartsWith("Comext product 850511: HTTP 500 from statistics/1.0/data/DS-045409", failed.Error, StringComparison.Ordinal);
        var others = products.Where(o => o.Product != "850511").ToList();
        Assert.Equal(SampleScope.Products.Where(c => c != "850511"), others.Select(o => o.Product));
        Assert.All(others, o => Assert.Equal((ProductStatus.Fetched, (string?)null), (o.Status, o.Error)));
        Assert.Equal(3, p.Stack.Replay.Exchanges.Snapshot().Count(e => e.Request.QueryValue("product") == "850511")); // 1 + 2 retries

        Assert.DoesNotContain(report.Indices, i => i.Series.Product == "850511");
        Assert.Contains(report.Indices, i => i.Series.Product == "280530");
        Assert.Empty(await p.Comext.Get<IndicesStore>().GetLatestForProductAsync("850511", CancellationToken.None));
        Assert.NotEmpty(await p.Comext.Get<IndicesStore>().GetLatestForProductAsync("280530", CancellationToken.None));
        Assert.Null(await p.Comext.Get<PullStateStore>().GetAsync("comext", new SeriesKey("EU27_2020", "850511", TradeFlow.Import), CancellationToken.None));
        var archive = p.Comext.Get<RawArchive>();
        var day = DateOnly.FromDateTime(report.StartedAt.UtcDateTime);
        Assert.NotEmpty(await archive.ReadAsync(RawArchive.BlobName("comext", day, report.RunId, "280530"), CancellationToken.None));
        var missing = await Assert.ThrowsAsync<RequestFailedException>(() => archive.ReadAsync(RawArchive.BlobName("comext", day, report.RunId, "850511"), CancellationToken.None));
        Assert.Equal(404, missing.Status);
    }

    [Fact]
    public async Task RunAsync_ComtradeBudgetCoversFiveProducts_TheSixthIsSkippedNamingTheBudgetWithoutACall()
    {
        p.Stack.Reset();

        var report = await p.Comtrade.Get<PullService>().RunAsync(PullScope.All, force: false, CancellationToken.None);

        var last = SampleScope.Products[^1];
        var products = report.Products.Where(o => o.Commodity is null).ToList();
        var skipped = Assert.Single(products, o => o.Status == ProductStatus.Skipped);
        Assert.Equal(("comtrade", last), (skipped.Source, skipped.Product));
        Assert.StartsWith($"Comtrade product {last}: daily call budget of {SystemClockPipelineStack.ComtradeBudget} calls is spent; not calling", skipped.Error, StringComparison.Ordinal);
        Assert.All(products.Where(o => o.Product != last), o => Assert.Equal(ProductStatus.Fetched, o.Status));
        // A commodity series that sums the skipped product is skipped with it, saying which product.
        var dependent = report.Products.Where(o => o.Codes?.Contains(last) == true).ToList();
        Assert.NotEmpty(dependent);
        Assert.All(dependent, o =>
        {
            Assert.Equal(ProductStatus.Skipped, o.Status);
            Assert.Contains($"product {last} skipped", o.Error, StringComparison.Ordinal);
        });
        var calls = p.Stack.Replay.Exchanges.Snapshot().Where(e => e.Request.Source == LocalStackSettings.ComtradeSource).ToList();
        Assert.Equal(SystemClockPipelineStack.ComtradeBudget, calls.Count);
        Assert.DoesNotContain(calls, c => c.Request.QueryValue("cmdCode") == last);
        Assert.DoesNotContain(report.Indices, i => i.Series.Product == last);
        Assert.Null(await p.Comtrade.Get<PullStateStore>().GetAsync("comtrade", new SeriesKey("EU27_2020", last, TradeFlow.Import), CancellationToken.None));
    }
}
