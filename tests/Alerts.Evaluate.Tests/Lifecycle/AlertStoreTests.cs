using Alerts.Compute.Engine;
using Alerts.Compute.Series;
using Alerts.Compute.Store;
using Alerts.Deliver.Endpoints;
using Alerts.Deliver.History;
using Alerts.Evaluate.Lifecycle;
using Alerts.Evaluate.Rules;
using Alerts.Platform.Storage;
using Alerts.Pull.Snapshots;
using Alerts.Pull.State;
using Alerts.Pull.Statistics;
using Alerts.Route.NotificationLog;
using Alerts.Route.Subscriptions;
using Alerts.TestKit.Storage;
using Azure;
using Microsoft.Extensions.Time.Testing;

namespace Alerts.Evaluate.Tests.Lifecycle;

[Collection(AzuriteCollection.Name)]
public sealed class AlertStoreTests(AzuriteFixture azurite)
{
    private static readonly SeriesKey Magnets = new("EU27_2020", "85051110", TradeFlow.Import);
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 12, 1, 6, 0, 0, TimeSpan.Zero));

    private static SeriesEvaluation Evaluate(params (string Period, decimal China, decimal Japan)[] periods) =>
        new RuleEvaluator([DefaultRules.CrmaSingleCountry]).Evaluate(periods.Select(p => new SeriesIndices(
            Magnets, Basis.Weight, Period.Parse(p.Period), ConcentrationCalculator.Compute([new("CN", p.China), new("JP", p.Japan)]), "Magnets"))).Single();

    private static string Fingerprint => AlertFingerprint.Compute(DefaultRules.CrmaSingleCountryId, Magnets, Basis.Weight);

    [Fact]
    public async Task SaveAsync_ThenGet_RoundTripsEveryField()
    {
        var store = new AlertStore(await azurite.CreateAccountAsync());
        var r1 = AlertLifecycle.Apply(null, Evaluate(("2024-01", 70, 30)), "v1", time.GetUtcNow(), "run-1").Record;
        time.Advance(TimeSpan.FromDays(1));
        var record = AlertLifecycle.Apply(r1, Evaluate(("2024-01", 70, 30), ("2024-02", 50, 50)), "v/2 ü", time.GetUtcNow(), "run-2").Record;

        await store.SaveAsync(record, null, CancellationToken.None);
        var stored = await store.GetAsync(Magnets, Fingerprint, CancellationToken.None);

        Assert.NotNull(stored);
        var s = stored.Value;
        Assert.Equal(record with { AlertedPeriods = s.AlertedPeriods }, s);
        Assert.Equal(record.AlertedPeriods.ToDictionary(), s.AlertedPeriods.ToDictionary());
        Assert.Equal(AlertStatus.Resolved, s.State);
        Assert.NotNull(s.FiredAt);
        Assert.NotNull(s.ResolvedAt);
        var found = await store.FindAsync(Fingerprint, CancellationToken.None);
        Assert.Equal(s, found! with { AlertedPeriods = s.AlertedPeriods });
    }

    [Fact]
    public async Task SaveAsync_ComtradeSeries_SourceRoundTripsBesideComexts()
    {
        var store = new AlertStore(await azurite.CreateAccountAsync());
        var comext = AlertLifecycle.Apply(null, Evaluate(("2024-01", 70, 30)), "v1", time.GetUtcNow(), "run-1").Record;
        var series = Magnets with { Source = "comtrade" };
        var comtrade = comext with { Fingerprint = AlertFingerprint.Compute(DefaultRules.CrmaSingleCountryId, series, Basis.Weight), Source = "comtrade" };

        await store.SaveAsync(comext, null, CancellationToken.None);
        await store.SaveAsync(comtrade, null, CancellationToken.None);

        Assert.Equal("comext", (await store.GetAsync(Magnets, Fingerprint, CancellationToken.None))!.Value.Source);
        var stored = (await store.GetAsync(series, comtrade.Fingerprint, CancellationToken.None))!.Value;
        Assert.Equal((series, "comtrade"), (stored.Series, stored.Source));
    }

    [Fact]
    public async Task SaveAsync_Inhibited_RoundTripsTheInhibitorsAndRowsWithoutTheColumnAreNotInhibited()
    {
        var account = await azurite.CreateAccountAsync();
        var store = new AlertStore(account);
        var record = AlertLifecycle.Apply(null, Evaluate(("2024-01", 70, 30)), "v1", time.GetUtcNow(), "run-1").Record;
        await store.SaveAsync(record with { InhibitedBy = ["0123abcd", "4567ef01"] }, null, CancellationToken.None);

        Assert.Equal(["0123abcd", "4567ef01"], (await store.GetAsync(Magnets, Fingerprint, CancellationToken.None))!.Value.InhibitedBy);

        // A row written before inhibition existed has no InhibitedBy column.
        var table = account.Table(StorageNames.AlertsTable);
        var row = (await table.GetEntityAsync<Azure.Data.Tables.TableEntity>(TableKeys.Join(Magnets.Reporter, Magnets.Product), Fingerprint)).Value;
        Assert.True(row.Remove("InhibitedBy"));
        await table.UpdateEntityAsync(row, ETag.All, Azure.Data.Tables.TableUpdateMode.Replace);
        Assert.Null((await store.GetAsync(Magnets, Fingerprint, CancellationToken.None))!.Value.InhibitedBy);
    }

    [Fact]
    public async Task SaveAsync_StaleETagOrExistingRow_ThrowsConflict()
    {
        var store = new AlertStore(await azurite.CreateAccountAsync());
        var record = AlertLifecycle.Apply(null, Evaluate(("2024-01", 70, 30)), "v1", time.GetUtcNow(), "run-1").Record;
        var first = await store.SaveAsync(record, null, CancellationToken.None);
        await store.SaveAsync(record with { Value = 0.8 }, first, CancellationToken.None);

        await Assert.ThrowsAsync<StorageConflictException>(() => store.SaveAsync(record with { Value = 0.9 }, first, CancellationToken.None)); // stale
        await Assert.ThrowsAsync<StorageConflictException>(() => store.SaveAsync(record, null, CancellationToken.None)); // exists
        Assert.Equal(0.8, (await store.GetAsync(Magnets, Fingerprint, CancellationToken.None))!.Value.Value);
    }

    [Fact]
    public async Task ApplyAsync_TwoOverlappingRuns_StoreOnceAndEmitOneEvent()
    {
        var store = new AlertStore(await azurite.CreateAccountAsync());
        var evaluation = Evaluate(("2024-01", 70, 30));
        using var bothRead = new CountdownEvent(2);

        AlertTransition Apply(AlertRecord? current, string runId)
        {
            if (bothRead.CurrentCount > 0 && current is null)
            {
                // Hold until both runs have read "no alert yet", so their writes really race.
                bothRead.Signal();
                bothRead.Wait(TimeSpan.FromSeconds(10));
            }

            return AlertLifecycle.Apply(current, evaluation, "v1", time.GetUtcNow(), runId);
        }

        var runs = await Task.WhenAll(
            Task.Run(() => store.ApplyAsync(Magnets, Fingerprint, r => Apply(r, "run-a"), CancellationToken.None)),
            Task.Run(() => store.ApplyAsync(Magnets, Fingerprint, r => Apply(r, "run-b"), CancellationToken.None)));

        Assert.Equal(1, runs.Sum(r => r.Events.Count));
        var stored = await store.GetAsync(Magnets, Fingerprint, CancellationToken.None);
        Assert.Equal(AlertStatus.Firing, stored!.Value.State);
        Assert.Equal(runs.Single(r => r.Events.Count == 1).Event!.EventId, stored.Value.LastEventId);
    }

    [Fact]
    public async Task ApplyAsync_NothingChanged_DoesNotWrite()
    {
        var store = new AlertStore(await azurite.CreateAccountAsync());
        var evaluation = Evaluate(("2024-01", 70, 30));
        await store.ApplyAsync(Magnets, Fingerprint, r => AlertLifecycle.Apply(r, evaluation, "v1", time.GetUtcNow(), "run-1"), CancellationToken.None);
        var before = await store.GetAsync(Magnets, Fingerprint, CancellationToken.None);

        var again = await store.ApplyAsync(Magnets, Fingerprint, r => AlertLifecycle.Apply(r, evaluation, "v1", time.GetUtcNow(), "run-2"), CancellationToken.None);

        Assert.False(again.Changed);
        Assert.Empty(again.Events);
        Assert.Equal(before!.ETag, (await store.GetAsync(Magnets, Fingerprint, CancellationToken.None))!.ETag);
    }

    [Fact]
    public async Task ListAsync_ByState_ReturnsOnlyThatState()
    {
        var store = new AlertStore(await azurite.CreateAccountAsync());
        var firing = AlertLifecycle.Apply(null, Evaluate(("2024-01", 70, 30)), "v1", time.GetUtcNow(), "run-1").Record;
        var inactive = AlertLifecycle.Apply(null, new RuleEvaluator([DefaultRules.CrmaSingleCountry]).Evaluate(
            [new SeriesIndices(Magnets with { Reporter = "DE" }, Basis.Weight, Period.Monthly(2024, 1), ConcentrationCalculator.Compute([new("CN", 1), new("JP", 1)]))]).Single(), "v1", time.GetUtcNow(), "run-1").Record;
        await store.SaveAsync(firing, null, CancellationToken.None);
        await store.SaveAsync(inactive, null, CancellationToken.None);

        var list = await store.ListAsync(AlertStatus.Firing, CancellationToken.None).ToListAsync();

        Assert.Equal([firing.Fingerprint], list.Select(a => a.Fingerprint));
        Assert.Single(await store.ListBySeriesAsync("DE", "85051110", CancellationToken.None).ToListAsync());
    }

    [Fact]
    public async Task GetAsync_RowWrittenBeforeLifecycleStates_ReadsAsBeforeAndMovesOn()
    {
        var account = await azurite.CreateAccountAsync();
        var store = new AlertStore(account);
        var old = new Azure.Data.Tables.TableEntity("EU27_2020|85051110", Fingerprint)
        {
            // Exactly the columns a row had before pending, recovering and no data: no Since, FailedRuns, NoDataAt.
            ["RuleId"] = DefaultRules.CrmaSingleCountryId, ["Reporter"] = "EU27_2020", ["Product"] = "85051110", ["Flow"] = "import",
            ["Basis"] = "weight", ["Metric"] = "cr1", ["Severity"] = "critical", ["CommodityName"] = "Magnets", ["State"] = "firing",
            ["Period"] = "2024-01", ["Value"] = 0.7, ["Threshold"] = 0.65, ["Vintage"] = "v1", ["LastEventId"] = "e1",
            ["FiredAt"] = time.GetUtcNow(), ["ResolvedAt"] = null, ["AlertedPeriods"] = """{"2024-01":{"value":0.7,"vintage":"v1"}}""",
            ["UpdatedAt"] = time.GetUtcNow(), ["RunId"] = "run-1",
        };
        await account.Table(StorageNames.AlertsTable).AddEntityAsync(old);

        var read = (await store.GetAsync(Magnets, Fingerprint, CancellationToken.None))!.Value;
        var rule = DefaultRules.CrmaSingleCountry with { KeepFiringFor = 1 };
        var next = await store.ApplyAsync(Magnets, Fingerprint, r => AlertLifecycle.Apply(r, new RuleEvaluator([rule]).Evaluate(
            [new SeriesIndices(Magnets, Basis.Weight, Period.Monthly(2024, 2), ConcentrationCalculator.Compute([new("CN", 50), new("JP", 50)]), "Magnets")]).Single(),
            "v2", time.GetUtcNow(), "run-2"), CancellationToken.None);
        var stored = (await store.GetAsync(Magnets, Fingerprint, CancellationToken.None))!.Value;

        Assert.Equal((AlertStatus.Firing, 0, (DateTimeOffset?)null, (Period?)null, "firing"), (read.State, read.FailedRuns, read.NoDataAt, read.Since, read.DisplayState));
        Assert.Equal(Fingerprint, read.Fingerprint); // the same alert, same id: its notifications' links keep working
        Assert.Empty(next.Events); // recovering: nothing sent yet
        Assert.Equal((AlertStatus.Recovering, (Period?)Period.Monthly(2024, 2)), (stored.State, stored.Since));
    }

    [Fact]
    public async Task ListNoDataAsync_OnlyAlertsWithoutData_AndNewFieldsRoundTrip()
    {
        var store = new AlertStore(await azurite.CreateAccountAsync());
        var fine = AlertLifecycle.Apply(null, Evaluate(("2024-01", 70, 30)), "v1", time.GetUtcNow(), "run-1").Record;
        var stale = fine with { Reporter = "DE", Fingerprint = "f-de", FailedRuns = 3, NoDataAt = time.GetUtcNow(), LastDataPeriod = Period.Monthly(2024, 1), Since = Period.Monthly(2023, 11), State = AlertStatus.Pending };
        await store.SaveAsync(fine, null, CancellationToken.None);
        await store.SaveAsync(stale, null, CancellationToken.None);

        var list = await store.ListNoDataAsync(CancellationToken.None).ToListAsync();
        var pending = await store.ListAsync(AlertStatus.Pending, CancellationToken.None).ToListAsync();

        var s = Assert.Single(list);
        Assert.Equal(stale with { AlertedPeriods = s.AlertedPeriods }, s);
        Assert.Equal("noData", s.DisplayState);
        Assert.Equal(["f-de"], pending.Select(a => a.Fingerprint));
    }
}
