using Alerts.Compute.Engine;
using Alerts.Compute.Series;
using Alerts.Evaluate.Lifecycle;
using Alerts.Evaluate.Rules;
using Alerts.Pull.Statistics;
using Microsoft.Extensions.Time.Testing;

namespace Alerts.Evaluate.Tests.Lifecycle;

/// <summary>No data: a series behind the run's newest period, or a source failing run after run, per rule policy.</summary>
public sealed class NoDataCheckTests
{
    private static readonly SeriesKey Magnets = new("EU27_2020", "85051110", TradeFlow.Import);
    private static readonly Rule Crma = DefaultRules.CrmaSingleCountry;

    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 12, 1, 6, 0, 0, TimeSpan.Zero));

    /// <summary>The alert as the last evaluation of March 2024 left it: firing at 70% or inactive at 50%.</summary>
    private AlertRecord Record(Rule rule, double cr1) =>
        AlertLifecycle.Apply(null, new SeriesEvaluation(rule, Magnets, Basis.Weight, [new RuleEvaluation(
            rule, Magnets, Basis.Weight, Period.Monthly(2024, 3), cr1, rule.Breaches(cr1), rule.Clears(cr1),
            ConcentrationCalculator.Compute([new("CN", (decimal)cr1), new("JP", 1 - (decimal)cr1)]), "Magnets")]), "v3", time.GetUtcNow(), "run-3").Record;

    private AlertTransition Check(AlertRecord record, Rule rule, bool failed, string? newest)
    {
        time.Advance(TimeSpan.FromDays(30));
        return NoDataCheck.Apply(record, rule, failed, newest is null ? null : Period.Parse(newest), time.GetUtcNow(), "run-" + time.GetUtcNow().Month);
    }

    [Theory]
    [InlineData("2024-04", false)] // one month behind: data is just late
    [InlineData("2024-05", false)] // two
    [InlineData("2024-06", true)] // three expected months without data (noDataAfter 3): no data
    public void Apply_DefaultPolicy_RaisesNoDataAfterThreeMissingPeriods(string newest, bool expected)
    {
        var t = Check(Record(Crma, 0.7), Crma, false, newest);

        Assert.Equal(expected, t.Record.NoDataAt is not null);
        Assert.Equal(expected ? "noData" : "firing", t.Record.DisplayState);
        Assert.Equal(AlertStatus.Firing, t.Record.State); // the rule's own state is kept underneath
        if (expected)
        {
            var e = Assert.Single(t.Events);
            Assert.Equal((AlertState.NoData, true, "2024-03", (int?)null), (e.State, e.NoData, e.Since, e.FailedRuns));
            Assert.True(AlertEvent.IsNoDataAlert(e));
            Assert.Equal(e.EventId, t.Record.LastEventId);
            Assert.Equal(Period.Monthly(2024, 3), t.Record.LastDataPeriod);
        }
        else
        {
            Assert.Empty(t.Events);
        }
    }

    [Fact]
    public void Apply_NoDataThenStillNothingThenDataBack_OneEventEachWayAndTheStateGoesOn()
    {
        var record = Record(Crma, 0.7);

        var missing = Check(record, Crma, false, "2024-06");
        var still = Check(missing.Record, Crma, false, "2024-07");
        var evaluated = AlertLifecycle.Apply(still.Record, new SeriesEvaluation(Crma, Magnets, Basis.Weight, [new RuleEvaluation(
            Crma, Magnets, Basis.Weight, Period.Monthly(2024, 7), 0.5, false, true, ConcentrationCalculator.Compute([new("CN", 1m), new("JP", 1m)]), "Magnets")]),
            "v7", time.GetUtcNow(), "run-7");
        var back = Check(evaluated.Record, Crma, false, "2024-07");

        Assert.Single(missing.Events);
        Assert.Empty(still.Events);
        Assert.False(still.Changed);
        Assert.Equal(AlertState.Resolved, Assert.Single(evaluated.Events).State); // the value cleared, as usual
        Assert.NotNull(evaluated.Record.NoDataAt); // the evaluation leaves the no-data mark to the check
        var resolved = Assert.Single(back.Events);
        Assert.Equal((AlertState.Resolved, true), (resolved.State, resolved.NoData));
        Assert.Null(back.Record.NoDataAt);
        Assert.Equal("resolved", back.Record.DisplayState);
    }

    [Fact]
    public void Apply_SourceFailingRunAfterRun_RaisesNoDataOnTheThirdAndClearsOnSuccess()
    {
        var record = Record(Crma, 0.5);
        var trace = new List<AlertTransition>();
        for (var i = 0; i < 4; i++)
        {
            trace.Add(Check(trace.Count == 0 ? record : trace[^1].Record, Crma, true, null));
        }

        var success = Check(trace[^1].Record, Crma, false, "2024-03");

        Assert.Equal([1, 2, 3, 4], trace.Select(t => t.Record.FailedRuns));
        Assert.Equal([0, 0, 1, 0], trace.Select(t => t.Events.Count));
        Assert.Equal(3, trace[2].Events[0].FailedRuns);
        Assert.Equal(AlertStatus.Inactive, trace[2].Record.State); // an alert that never fired is still told about missing data
        Assert.Equal(0, success.Record.FailedRuns);
        Assert.Equal(AlertState.Resolved, Assert.Single(success.Events).State);
    }

    [Fact]
    public void Apply_AlertingPolicy_FiresTheRulesOwnAlertOnce()
    {
        var rule = Crma with { NoData = NoDataPolicy.Alerting, NoDataAfter = 2 };

        var t = Check(Record(rule, 0.5), rule, false, "2024-05");
        var again = Check(t.Record, rule, false, "2024-06");

        var e = Assert.Single(t.Events);
        Assert.Equal((AlertState.Firing, true, "2024-03"), (e.State, e.NoData, e.Since));
        Assert.False(AlertEvent.IsNoDataAlert(e)); // the rule's alert: every subscriber hears it
        Assert.Equal(AlertStatus.Firing, t.Record.State);
        Assert.Equal(time.GetUtcNow() - TimeSpan.FromDays(30), t.Record.FiredAt);
        Assert.Null(t.Record.NoDataAt);
        Assert.Empty(again.Events);
    }

    [Fact]
    public void Apply_KeepLastPolicy_ChangesNothingButTheFailureCount()
    {
        var rule = Crma with { NoData = NoDataPolicy.KeepLast };
        var record = Record(rule, 0.7);

        var behind = Check(record, rule, false, "2025-01");
        var failing = Check(Check(Check(record, rule, true, null).Record, rule, true, null).Record, rule, true, null);

        Assert.False(behind.Changed);
        Assert.Empty(failing.Events);
        Assert.Equal((3, AlertStatus.Firing, (DateTimeOffset?)null), (failing.Record.FailedRuns, failing.Record.State, failing.Record.NoDataAt));
    }

    [Fact]
    public void Apply_SameInputsTwice_SameEventId()
    {
        var record = Record(Crma, 0.7);

        var a = NoDataCheck.Apply(record, Crma, false, Period.Monthly(2024, 9), time.GetUtcNow(), "run-a");
        var b = NoDataCheck.Apply(record, Crma, false, Period.Monthly(2024, 9), time.GetUtcNow().AddMinutes(5), "run-b");

        Assert.Equal(a.Events[0].EventId, b.Events[0].EventId);
        Assert.NotEqual(AlertFingerprint.EventId(record.Fingerprint, AlertState.NoData, record.Period, record.Vintage), a.Events[0].EventId);
    }

    [Theory]
    [InlineData("2024", "2025-06", null, "2024")] // monthly data to June 2025: 2024 is the last complete year
    [InlineData("2024", "2025-12", null, "2025")] // December completes the year
    [InlineData("2024", null, "2023", "2023")] // annual data only
    [InlineData("2024-03", "2025-06", "2024", "2025-06")] // a monthly alert expects the newest month
    public void ExpectedFor_FrequencyOfTheAlert(string alertPeriod, string? newestMonth, string? newestYear, string expected)
    {
        var p = NoDataCheck.ExpectedFor(Period.Parse(alertPeriod), newestMonth is null ? null : Period.Parse(newestMonth), newestYear is null ? null : Period.Parse(newestYear));

        Assert.Equal(Period.Parse(expected), p);
    }
}
