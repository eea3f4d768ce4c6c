using Alerts.Compute.Engine;
using Alerts.Compute.Series;
using Alerts.Compute.Store;
using Alerts.Deliver.Endpoints;
using Alerts.Deliver.History;
using Alerts.DevStack.Replay;
using Alerts.Evaluate.Lifecycle;
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
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace Alerts.EndToEnd.Tests;

/// <summary>A malformed Comext payload for one product: a clear error in the log and the run's result; the others processed; nothing half-stored.</summary>
[Collection(PipelineCollection.Name)]
public sealed class MalformedSourceTests(PipelineStack p) : IClassFixture<PipelineStack>
{
    [Fact]
    public async Task Recalculate_OneProductMalformed_OthersProcessedNothingStoredForIt()
    {
        p.Stack.Replay.InjectFault(ReplayFault.MalformedBody(), times: 10, when: r => r.QueryValue("product") == "850511");

        var result = await p.RecalculateAsync("{}");
        var failed = Assert.Single(result.Products, o => o.Status == ProductStatus.Failed);
        Assert.Equal("850511", failed.Product);
        Assert.Contains("850511", failed.Error, StringComparison.Ordinal);
        Assert.Contains("omext", failed.Error, StringComparison.OrdinalIgnoreCase);
        Assert.All(result.Products.Where(o => o.Product != "850511" && o.Commodity is null), o => Assert.Equal(ProductStatus.Fetched, o.Status));
        // The one commodity series of the default selection (graphite ore) does not need 850511.
        Assert.Equal(("graphite/ore", ProductStatus.Fetched), Assert.Single(result.Products, o => o.Commodity is not null) is var c ? (c.Product, c.Status) : default);
        Assert.DoesNotContain(result.Indices, i => i.Product == "850511");
        Assert.Contains(result.Indices, i => i.Product == "811292");

        var stored = await p.Pipeline.Get<IndicesStore>().GetLatestForProductAsync("850511", CancellationToken.None);
        Assert.Empty(stored);
        Assert.Null(await p.Pipeline.Get<PullStateStore>().GetAsync("comext", new SeriesKey("EU27_2020", "850511", TradeFlow.Import), CancellationToken.None));
        Assert.Contains(p.Logs.GetSnapshot(), r => r.Level == LogLevel.Error && r.Message.Contains("850511", StringComparison.Ordinal));
    }
}
