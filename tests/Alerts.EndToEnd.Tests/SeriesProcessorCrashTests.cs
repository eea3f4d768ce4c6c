using Alerts.Compute;
using Alerts.Evaluate;
using Alerts.Evaluate.Breaches;
using Alerts.Evaluate.Lifecycle;
using Alerts.Evaluate.Rules;
using Alerts.Evaluate.Run;
using Alerts.Platform.Storage;
using Alerts.Pull;
using Alerts.Pull.Snapshots;
using Alerts.Pull.Sources;
using Alerts.Pull.State;
using Alerts.Pull.Statistics;
using Alerts.Compute.Series;
using Alerts.TestKit.Pipeline;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Testing;
using Moq;

namespace Alerts.EndToEnd.Tests;

/// <summary>
/// The run's crash-safety claim at the one point no real part can fail on cue: the alerts table refuses the write
/// that follows the publish of an alert's events. Moq stands in for that table only (reads go to Azurite).
/// </summary>
[Collection(PipelineCollection.Name)]
public sealed class SeriesProcessorCrashTests(MonthlyPipelineStack p) : IClassFixture<MonthlyPipelineStack>
{
    [Fact]
    public async Task ProcessAsync_AlertSaveFailsAfterThePublish_SeriesNotDoneAndTheReRunPublishesTheSameEventIds()
    {
        // China 50% every month and 95% in 2024-12: the CRMA and HHI rules fire.
        var series = new SeriesKey("EU27_2020", "990004", TradeFlow.Import);
        var observations = new List<TradeObservation>();
        for (var m = 1; m <= 24; m++)
        {
            var period = Period.Monthly(2022 + ((m + 11) / 12), ((m - 1) % 12) + 1);
            var china = m == 24 ? 95m : 50m;
            observations.Add(new(series.Reporter, "CN", series.Product, series.Flow, period, china * 1000, china * 10, "EUR"));
            observations.Add(new(series.Reporter, "JP", series.Product, series.Flow, period, (100 - china) * 1000, (100 - china) * 10, "EUR"));
        }

        var logger = new FakeLogger<EvaluateStep>();
        var failing = Processor(new AlertStore(AlertsTableFailingOnWrite()), logger);

        var crash = await Assert.ThrowsAsync<RequestFailedException>(
            () => failing.ProcessAsync("test", series, observations, "v1", "run-crash", force: false, CancellationToken.None));

        Assert.Equal(503, crash.Status);
        var publishedBeforeTheCrash = logger.Collector.GetSnapshot()
            .Select(r => r.StructuredState!.Single(kv => kv.Key == "EventId").Value!)
            .ToHashSet();
        Assert.NotEmpty(publishedBeforeTheCrash); // the events went out, then their alert's save failed
        Assert.Null(await p.Pipeline.Get<PullStateStore>().GetAsync("test", series, CancellationToken.None)); // not marked done

        var rerun = await p.Pipeline.Get<SeriesProcessor>().ProcessAsync("test", series, observations, "v1", "run-rerun", force: false, CancellationToken.None);

        Assert.Equal(ProductStatus.Fetched, rerun.Outcome.Status); // computed again, not skipped as unchanged
        Assert.Subset(rerun.Events.Select(e => e.EventId).ToHashSet(), publishedBeforeTheCrash);
        var stored = await p.Pipeline.Get<AlertStore>().GetAsync(series, rerun.Events[0].Fingerprint, CancellationToken.None);
        Assert.Equal(rerun.Events[0].EventId, stored!.Value.LastEventId);
    }

    // The app's storage account, except that the alerts table reads from Azurite and fails every insert with a 503.
    private StorageAccount AlertsTableFailingOnWrite()
    {
        var account = p.Pipeline.Get<StorageAccount>();
        var real = account.Table(StorageNames.AlertsTable);
        var alerts = new Mock<TableClient>(MockBehavior.Strict);
        alerts.Setup(t => t.GetEntityIfExistsAsync<TableEntity>(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<IEnumerable<string>>(), It.IsAny<CancellationToken>()))
            .Returns((string pk, string rk, IEnumerable<string>? select, CancellationToken c) => real.GetEntityIfExistsAsync<TableEntity>(pk, rk, select, c));
        alerts.Setup(t => t.AddEntityAsync(It.IsAny<TableEntity>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new RequestFailedException(503, "The server is busy."));
        var tables = new Mock<TableServiceClient>(MockBehavior.Strict);
        tables.Setup(t => t.GetTableClient(account.NamePrefix + StorageNames.AlertsTable)).Returns(alerts.Object);
        return new StorageAccount(tables.Object, account.Blobs, account.NamePrefix);
    }

    private SeriesProcessor Processor(AlertStore alerts, FakeLogger<EvaluateStep> logger) => new(
        p.Pipeline.Get<SnapshotStore>(),
        p.Pipeline.Get<PullStateStore>(),
        p.Pipeline.Get<ComputeStep>(),
        new EvaluateStep(
            p.Pipeline.Get<RuleEvaluator>(),
            alerts,
            p.Pipeline.Get<BreachPublisher>(),
            p.Pipeline.Get<SeriesCommodities>(),
            p.Pipeline.Get<TimeProvider>(),
            logger),
        p.Pipeline.Get<TimeProvider>(),
        NullLogger<SeriesProcessor>.Instance);
}
