using Alerts.Compute.Engine;
using Alerts.Compute.Series;
using Alerts.Evaluate.Lifecycle;
using Alerts.Evaluate.Rules;
using Alerts.Pull.Statistics;
using Microsoft.Extensions.Time.Testing;

namespace Alerts.Evaluate.Tests.Lifecycle;

/// <summary>Pending (<c>for</c>) and recovering (<c>keepFiringFor</c>), one monthly run after the other on a fake clock.</summary>
public sealed class AlertStateMachineTests
{
    private static readonly SeriesKey Magnets = new("EU27_2020", "85051110", TradeFlow.Import);
    private static readonly Rule Crma = DefaultRules.CrmaSingleCountry;

    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 12, 1, 6, 0, 0, TimeSpan.Zero));

    private static SeriesEvaluation Evaluate(Rule rule, params (string Period, double Cr1)[] periods) =>
        new(rule, Magnets, Basis.Weight, [.. periods.Select(p => new RuleEvaluation(
            rule, Magnets, Basis.Weight, Period.Parse(p.Period), p.Cr1, rule.Breaches(p.Cr1), rule.Clears(p.Cr1),
            ConcentrationCalculator.Compute([new("CN", (decimal)p.Cr1 * 1000), new("JP", (decimal)(1 - p.Cr1) * 1000)]), "Magnets"))]);

    /// <summary>Runs the months one by one (each run sees only its month), a month apart on the clock; returns each step.</summary>
    private List<AlertTransition> RunMonthly(Rule rule, AlertRecord? start, params (string Period, double Cr1)[] months)
    {
        var steps = new List<AlertTransition>();
        var record = start;
        foreach (var month in months)
        {
            time.Advance(TimeSpan.FromDays(30));
            var t = AlertLifecycle.Apply(record, Evaluate(rule, month), "v-" + month.Period, time.GetUtcNow(), "run-" + month.Period);
            steps.Add(t);
            record = t.Record;
        }

        return steps;
    }

    private static string Trace(IEnumerable<AlertTransition> steps) =>
        string.Join(" ", steps.Select(t => AlertStatuses.Name(t.Record.State) + (t.Event is { } e ? "!" + e.State.ToString().ToLowerInvariant() : string.Empty)));

    [Theory]
    // for 2: pending twice, fires on the third breaching month, the event saying since when it breached
    [InlineData(2, 0, "0.7 0.7 0.7 0.7", "pending pending firing!firing firing")]
    // for 2: a breach that stops while pending goes back to inactive, silently, and the count starts again
    [InlineData(2, 0, "0.7 0.5 0.7 0.7 0.7", "pending inactive pending pending firing!firing")]
    // for 0: the plain machine
    [InlineData(0, 0, "0.7 0.5", "firing!firing resolved!resolved")]
    // keepFiringFor 2: recovering twice without an event, resolved on the third clear month
    [InlineData(0, 2, "0.7 0.5 0.5 0.5", "firing!firing recovering recovering resolved!resolved")]
    // keepFiringFor 2: a breach while recovering is simply firing again: no new firing event
    [InlineData(0, 2, "0.7 0.5 0.8 0.5 0.5 0.5", "firing!firing recovering firing recovering recovering resolved!resolved")]
    // both: pending, firing, recovering, resolved, then pending again (the alert fired before: back to resolved if it stops)
    [InlineData(1, 1, "0.7 0.7 0.5 0.5 0.7 0.5", "pending firing!firing recovering resolved!resolved pending resolved")]
    public void Apply_MonthByMonth_WaitsForAndKeepsFiringFor(int periodsFor, int keepFiringFor, string values, string expected)
    {
        var rule = Crma with { For = periodsFor, KeepFiringFor = keepFiringFor };
        var months = values.Split(' ').Select((v, i) => (Period.Monthly(2024, i + 1).ToString(), double.Parse(v, System.Globalization.CultureInfo.InvariantCulture))).ToArray();

        var steps = RunMonthly(rule, null, months);

        Assert.Equal(expected, Trace(steps));
    }

    [Fact]
    public void Apply_FiredAfterFor_EventSaysSinceWhenAndRecordTimesTheFiring()
    {
        var rule = Crma with { For = 2 };

        var steps = RunMonthly(rule, null, ("2024-01", 0.7), ("2024-02", 0.7), ("2024-03", 0.7));

        Assert.Equal(Period.Monthly(2024, 1), steps[0].Record.Since);
        Assert.Null(steps[0].Record.FiredAt); // pending has not fired
        Assert.True(steps[0].Changed);
        var fired = Assert.Single(steps[2].Events);
        Assert.Equal(("2024-03", "2024-01"), (fired.Period, fired.Since));
        Assert.Equal(time.GetUtcNow(), steps[2].Record.FiredAt);
    }

    [Fact]
    public void Apply_ResolvedAfterKeepFiringFor_EventSaysClearSince()
    {
        var rule = Crma with { KeepFiringFor = 1 };

        var steps = RunMonthly(rule, null, ("2024-01", 0.7), ("2024-02", 0.5), ("2024-03", 0.5));

        Assert.Null(steps[1].Record.ResolvedAt); // recovering still counts as firing
        Assert.Equal(Period.Monthly(2024, 2), steps[1].Record.Since);
        var resolved = Assert.Single(steps[2].Events);
        Assert.Equal((AlertState.Resolved, "2024-02"), (resolved.State, resolved.Since));
        Assert.Equal(time.GetUtcNow(), steps[2].Record.ResolvedAt);
    }

    [Fact]
    public void Apply_FirstRunOnHistoryThatBreachedLongEnough_FiresAtOnce()
    {
        var rule = Crma with { For = 2 };

        var t = AlertLifecycle.Apply(null, Evaluate(rule, ("2024-01", 0.5), ("2024-02", 0.7), ("2024-03", 0.7), ("2024-04", 0.7)), "v1", time.GetUtcNow(), "run-1");

        Assert.Equal(AlertStatus.Firing, t.Record.State);
        Assert.Equal("2024-02", Assert.Single(t.Events).Since);
    }

    [Fact]
    public void Apply_StreakLongerThanTheWindow_ContinuesFromTheStoredSince()
    {
        var rule = Crma with { For = 3 };
        var pending = AlertLifecycle.Apply(null, Evaluate(rule, ("2024-01", 0.7), ("2024-02", 0.7)), "v1", time.GetUtcNow(), "run-1").Record;

        // The next pull's window starts later: the record remembers the breach began in January.
        var t = AlertLifecycle.Apply(pending, Evaluate(rule, ("2024-03", 0.7), ("2024-04", 0.7)), "v2", time.GetUtcNow(), "run-2");

        Assert.Equal(AlertStatus.Pending, pending.State);
        Assert.Equal(AlertStatus.Firing, t.Record.State);
        Assert.Equal("2024-01", Assert.Single(t.Events).Since);
    }

    [Fact]
    public void Apply_AnnualPeriods_CountYears()
    {
        var rule = Crma with { For = 1 };

        var t = AlertLifecycle.Apply(null, Evaluate(rule, ("2023", 0.7), ("2024", 0.7)), "v1", time.GetUtcNow(), "run-1");

        Assert.Equal(AlertStatus.Firing, t.Record.State);
        Assert.Equal(1, PeriodSteps.Between(Period.Annual(2023), Period.Annual(2024)));
        Assert.Equal(13, PeriodSteps.Between(Period.Monthly(2023, 12), Period.Monthly(2025, 1)));
    }

    [Fact]
    public void Apply_RecoveringAlertWithRevisedFiredPeriod_RevisionEventSaysFiring()
    {
        var rule = Crma with { KeepFiringFor = 3 };
        var recovering = RunMonthly(rule, null, ("2024-01", 0.7), ("2024-02", 0.5))[^1].Record;

        var t = AlertLifecycle.Apply(recovering, Evaluate(rule, ("2024-01", 0.75), ("2024-02", 0.5), ("2024-03", 0.5)), "v9", time.GetUtcNow(), "run-9");

        Assert.Equal(AlertStatus.Recovering, t.Record.State);
        var revision = Assert.Single(t.Events);
        Assert.Equal((AlertState.Firing, "2024-01"), (revision.State, revision.Revision!.Period));
    }
}
