using Alerts.Compute;
using Alerts.Compute.Engine;
using Alerts.Compute.Series;
using Alerts.Compute.Store;
using Alerts.Deliver.Endpoints;
using Alerts.Deliver.History;
using Alerts.Evaluate;
using Alerts.Evaluate.Breaches;
using Alerts.Evaluate.Lifecycle;
using Alerts.Evaluate.Rules;
using Alerts.Evaluate.Run;
using Alerts.Platform.Bus;
using Alerts.Platform.Storage;
using Alerts.Pull;
using Alerts.Pull.Catalog;
using Alerts.Pull.Snapshots;
using Alerts.Pull.Sources;
using Alerts.Pull.State;
using Alerts.Pull.Statistics;
using Alerts.Route.NotificationLog;
using Alerts.Route.Notifications;
using Alerts.Route.Subscriptions;
using Alerts.TestKit.Pipeline;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Alerts.EndToEnd.Tests;

/// <summary>
/// Steps 2 and 3 for one series on the local stack, with the default CRMA rule (published periods) and its
/// rolling 12-month twin on the same constructed months: each fires only on its own window.
/// </summary>
[Collection(PipelineCollection.Name)]
public sealed class SeriesProcessorTests(MonthlyPipelineStack p) : IClassFixture<MonthlyPipelineStack>
{
    /// <summary>24 months 2023-01..2024-12 of one product; China's percentage of month m (1..24) from <paramref name="chinaShare"/>, Japan the rest.</summary>
    private static List<TradeObservation> Months(SeriesKey series, Func<int, decimal> chinaShare)
    {
        var observations = new List<TradeObservation>();
        for (var m = 1; m <= 24; m++)
        {
            var period = Period.Monthly(2022 + ((m + 11) / 12), ((m - 1) % 12) + 1);
            observations.Add(new(series.Reporter, "CN", series.Product, series.Flow, period, chinaShare(m) * 1000, chinaShare(m) * 10, "EUR"));
            observations.Add(new(series.Reporter, "JP", series.Product, series.Flow, period, (100 - chinaShare(m)) * 1000, (100 - chinaShare(m)) * 10, "EUR"));
        }

        return observations;
    }

    private Task<SeriesResult> ProcessAsync(SeriesKey series, List<TradeObservation> observations) =>
        p.Pipeline.Get<SeriesProcessor>().ProcessAsync("test", series, observations, "v1", "run-" + series.Product, force: false, CancellationToken.None);

    [Fact]
    public async Task ProcessAsync_OneMonthSpikes_PublishedRuleFiresRollingRuleDoesNot()
    {
        // China 50% every month and 95% in 2024-12: that month is above 65%, the 12 months to it (53.75%) are not.
        var series = new SeriesKey("EU27_2020", "990001", TradeFlow.Import);

        var result = await ProcessAsync(series, Months(series, m => m == 24 ? 95 : 50));

        var fired = Assert.Single(result.Events, e => e.RuleId != DefaultRules.HhiHighId); // two suppliers: HHI above 2500 in any case
        Assert.Equal((DefaultRules.CrmaSingleCountryId, AlertState.Firing, "2024-12", IndexSelection.Published), (fired.RuleId, fired.State, fired.Period, fired.Window));
        Assert.Equal(AlertFingerprint.Compute(DefaultRules.CrmaSingleCountryId, series, Basis.Weight), fired.Fingerprint); // the id it had before windows
        var rolling = await p.Pipeline.Get<AlertStore>().GetAsync(series, AlertFingerprint.Compute(MonthlyPipelineStack.RollingRuleId, series, Basis.Weight, IndexSelection.Rolling12), CancellationToken.None);
        Assert.Equal((AlertStatus.Inactive, Period.Monthly(2024, 12)), (rolling!.Value.State, rolling.Value.Period)); // evaluated, did not fire
        Assert.Equal(645d / 1200, rolling.Value.Value, 10);
    }

    [Fact]
    public async Task ProcessAsync_TwelveMonthsHighLatestMonthLow_RollingRuleFiresPublishedRuleDoesNot()
    {
        // China 90% through 2024-11, 40% in 2024-12: the month's largest share is Japan's 60%, the 12 months' China's 85.8%.
        var series = new SeriesKey("EU27_2020", "990002", TradeFlow.Import);

        var result = await ProcessAsync(series, Months(series, m => m == 24 ? 40 : m > 12 ? 90 : 50));

        var fired = Assert.Single(result.Events, e => e.RuleId != DefaultRules.HhiHighId); // two suppliers: HHI above 2500 in any case
        Assert.Equal((MonthlyPipelineStack.RollingRuleId, AlertState.Firing, "2024-12", IndexSelection.Rolling12), (fired.RuleId, fired.State, fired.Period, fired.Window));
        Assert.Equal(AlertFingerprint.Compute(MonthlyPipelineStack.RollingRuleId, series, Basis.Weight, IndexSelection.Rolling12), fired.Fingerprint);
        Assert.Equal(1030d / 1200, fired.Value, 10);
        var alert = await p.Pipeline.Get<AlertStore>().GetAsync(series, fired.Fingerprint, CancellationToken.None);
        Assert.Equal(AlertStatus.Firing, alert!.Value.State);

        // Stored: the published months and the rolling windows, both bases, each rolling row with its changes.
        var stored = await p.Pipeline.Get<IndicesStore>().ListAsync(series.Reporter, series.Product, CancellationToken.None).ToListAsync();
        // The pull asked from 2022-11 (36 months to 2025-10): windows ending before 2023-10 reach before it and are left out.
        Assert.Equal(2 * (24 + 15), stored.Count);
        Assert.Equal(Period.Monthly(2023, 10), stored.Where(s => s.Indices.Window == IndexSelection.Rolling12).Min(s => s.Indices.Period));
        Assert.Equal([IndexSelection.Published, IndexSelection.Rolling12], stored.Select(s => s.Indices.Window).Distinct().Order());
        var last = stored.Single(s => s.Indices is { Window: IndexSelection.Rolling12, Basis: Basis.Weight } && s.Indices.Period == Period.Monthly(2024, 12)).Indices;
        Assert.Equal(12, last.MonthsCovered);
        Assert.Equal((1030d - 600) / 1200, last.ChangeFromYearAgo!.Value.Cr1, 10); // against the 12 months to 2023-12
        Assert.Equal(result.Indices.Count, stored.Count); // what the run reports is what it stored
    }
    [Fact]
    public async Task ProcessAsync_SameDataAfterTheRulesChanged_RecomputedOnceWithTheNewRules()
    {
        // China 50% every month: below the CRMA rule's 65%, so only the HHI rule fires at first.
        var series = new SeriesKey("EU27_2020", "990003", TradeFlow.Import);
        var months = Months(series, _ => 50);
        var first = await ProcessAsync(series, months);
        Assert.DoesNotContain(first.Events, e => e.RuleId == DefaultRules.CrmaSingleCountryId);
        Assert.Equal(ProductStatus.Unchanged, (await ProcessAsync(series, months)).Outcome.Status);

        // The operator lowers the CRMA threshold to 40%; the data did not change.
        var lowered = RuleSetBuilder.Build(
            DefaultRules.All, [new RuleDefinition { Id = DefaultRules.CrmaSingleCountryId, Threshold = 0.4, ClearThreshold = 0.35 }], "test");
        var processor = Processor(new RuleEvaluator(lowered));
        var again = await processor.ProcessAsync("test", series, months, "v1", "run-rules", force: false, CancellationToken.None);

        Assert.Equal(ProductStatus.Fetched, again.Outcome.Status);
        Assert.Contains(again.Events, e => e is { RuleId: DefaultRules.CrmaSingleCountryId, State: AlertState.Firing, Period: "2024-12" });
        Assert.Equal(ComputationFingerprint.Of(lowered, "none"),
            (await p.Pipeline.Get<PullStateStore>().GetAsync("test", series, CancellationToken.None))!.ComputedWith);
        // Computed with these rules now: the next run with them recomputes nothing.
        Assert.Equal(ProductStatus.Unchanged, (await processor.ProcessAsync("test", series, months, "v1", "run-rules-2", force: false, CancellationToken.None)).Outcome.Status);
    }

    private SeriesProcessor Processor(RuleEvaluator rules) => new(
        p.Pipeline.Get<SnapshotStore>(),
        p.Pipeline.Get<PullStateStore>(),
        p.Pipeline.Get<ComputeStep>(),
        new EvaluateStep(
            rules,
            p.Pipeline.Get<AlertStore>(),
            p.Pipeline.Get<BreachPublisher>(),
            p.Pipeline.Get<SeriesCommodities>(),
            p.Pipeline.Get<TimeProvider>(),
            NullLogger<EvaluateStep>.Instance),
        p.Pipeline.Get<TimeProvider>(),
        NullLogger<SeriesProcessor>.Instance);
}
