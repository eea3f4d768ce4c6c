using Alerts.Compute.Engine;
using Alerts.Compute.Series;
using Alerts.Evaluate.Lifecycle;
using Alerts.Evaluate.Rules;
using Alerts.Pull.Statistics;
using Microsoft.Extensions.Time.Testing;

namespace Alerts.Evaluate.Tests.Lifecycle;

public sealed class AlertLifecycleTests
{
    private static readonly SeriesKey Magnets = new("EU27_2020", "85051110", TradeFlow.Import);
    private static readonly Rule Crma = DefaultRules.CrmaSingleCountry;
    private static readonly Rule CrmaWithDeadBand = Crma with { ClearThreshold = 0.60 };

    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 12, 1, 6, 0, 0, TimeSpan.Zero));

    public enum Start
    {
        None,
        Inactive,
        Firing,
        Resolved,
    }

    /// <summary>An evaluation of <paramref name="rule"/> on the magnets series: China has the share given per period.</summary>
    private static SeriesEvaluation Evaluate(Rule rule, params (string Period, double Cr1)[] periods) =>
        new(rule, Magnets, Basis.Weight, [.. periods.Select(p => new RuleEvaluation(
            rule,
            Magnets,
            Basis.Weight,
            Period.Parse(p.Period),
            p.Cr1,
            rule.Breaches(p.Cr1),
            rule.Clears(p.Cr1),
            ConcentrationCalculator.Compute([new("CN", (decimal)p.Cr1 * 1000), new("JP", (decimal)(1 - p.Cr1) * 600), new("US", (decimal)(1 - p.Cr1) * 400)]),
            "Rare-earth permanent magnets"))]);

    /// <summary>A stored record in the given state on 2024-01.</summary>
    private AlertRecord? Record(Start start, Rule rule)
    {
        AlertRecord? Step(AlertRecord? r, double cr1, string period) =>
            AlertLifecycle.Apply(r, Evaluate(rule, (period, cr1)), "v0", time.GetUtcNow(), "run-0").Record;

        return start switch
        {
            Start.None => null,
            Start.Inactive => Step(null, 0.50, "2024-01"),
            Start.Firing => Step(null, 0.70, "2024-01"),
            Start.Resolved => Step(Step(null, 0.70, "2023-12"), 0.50, "2024-01"),
            _ => throw new ArgumentOutOfRangeException(nameof(start)),
        };
    }

    [Theory]
    [InlineData(Start.None, false, 0.70, AlertStatus.Firing, "firing")] // first evaluation breaches: fires
    [InlineData(Start.None, false, 0.50, AlertStatus.Inactive, null)] // first evaluation fine: inactive, silent
    [InlineData(Start.Inactive, false, 0.66, AlertStatus.Firing, "firing")] // inactive -> firing
    [InlineData(Start.Inactive, false, 0.65, AlertStatus.Inactive, null)] // exactly at the threshold is no breach
    [InlineData(Start.Firing, false, 0.72, AlertStatus.Firing, null)] // still firing: no repeat event
    [InlineData(Start.Firing, false, 0.50, AlertStatus.Resolved, "resolved")] // firing -> clear: resolved
    [InlineData(Start.Resolved, false, 0.80, AlertStatus.Firing, "firing")] // resolved -> firing again
    [InlineData(Start.Resolved, false, 0.40, AlertStatus.Resolved, null)] // stays resolved, silent
    [InlineData(Start.Firing, true, 0.62, AlertStatus.Firing, null)] // dead band keeps a firing alert firing
    [InlineData(Start.Firing, true, 0.60, AlertStatus.Resolved, "resolved")] // back at the clear threshold: resolves
    [InlineData(Start.Inactive, true, 0.62, AlertStatus.Inactive, null)] // dead band does not fire an inactive alert
    [InlineData(Start.Resolved, true, 0.64, AlertStatus.Resolved, null)] // nor a resolved one
    public void Apply_NextPeriod_FollowsTheStateMachine(Start start, bool deadBand, double cr1, AlertStatus expectedState, string? expectedEvent)
    {
        var rule = deadBand ? CrmaWithDeadBand : Crma;
        var before = Record(start, rule);
        time.Advance(TimeSpan.FromDays(30));

        var t = AlertLifecycle.Apply(before, Evaluate(rule, ("2024-01", before?.Value ?? 0.5), ("2024-02", cr1)), "v1", time.GetUtcNow(), "run-1");

        Assert.Equal(expectedState, t.Record.State);
        Assert.Equal(Period.Monthly(2024, 2), t.Record.Period);
        Assert.Equal(cr1, t.Record.Value);
        Assert.Equal(expectedEvent, t.Event is null ? null : t.Event.State == AlertState.Firing ? "firing" : "resolved");
        Assert.True(t.Events.Count <= 1);
        if (t.Event is { } e)
        {
            Assert.Equal("2024-02", e.Period);
            Assert.Equal(cr1, e.Value);
            Assert.Null(e.Revision);
            Assert.Equal(e.EventId, t.Record.LastEventId);
            Assert.Equal(time.GetUtcNow(), e.OccurredAt);
            Assert.Equal(e.State == AlertState.Firing ? time.GetUtcNow() : before?.FiredAt, t.Record.FiredAt);
            Assert.Equal(e.State == AlertState.Resolved ? time.GetUtcNow() : null, t.Record.ResolvedAt);
        }
    }

    [Fact]
    public void Apply_Firing_EventCarriesRuleSeriesSuppliersAndPreviousValue()
    {
        var t = AlertLifecycle.Apply(null, Evaluate(Crma, ("2023", 0.60), ("2024", 0.90)), "2026-11-15", time.GetUtcNow(), "run-7");

        var e = Assert.Single(t.Events);
        Assert.Equal(AlertFingerprint.Compute(Crma.Id, Magnets, Basis.Weight), e.Fingerprint);
        Assert.Equal(AlertFingerprint.EventId(e.Fingerprint, AlertState.Firing, Period.Annual(2024), "2026-11-15"), e.EventId);
        Assert.Equal((Crma.Id, Crma.Name, Severities.Critical, "cr1", 0.65), (e.RuleId, e.RuleName, e.Severity, e.Metric, e.Threshold));
        Assert.Equal(("85051110", "Rare-earth permanent magnets", "EU27_2020", TradeFlow.Import, Basis.Weight), (e.Commodity, e.CommodityName, e.Reporter, e.Flow, e.Basis));
        Assert.Equal(0.60, e.PreviousValue); // the period before
        Assert.Equal("run-7", e.RunId);
        Assert.Equal(["CN", "JP", "US"], e.TopSuppliers.Select(s => s.Partner));
        Assert.Equal(0.90, e.TopSuppliers[0].Share, 10);
    }

    [Fact]
    public void Apply_RuleOnRollingWindow_FingerprintAndEventCarryTheWindow()
    {
        var rolling = Crma with { Window = IndexSelection.Rolling12 };

        var t = AlertLifecycle.Apply(null, Evaluate(rolling, ("2024-05", 0.60), ("2024-06", 0.90)), "2026-11-15", time.GetUtcNow(), "run-7");

        var e = Assert.Single(t.Events);
        Assert.Equal(AlertFingerprint.Compute(Crma.Id, Magnets, Basis.Weight, IndexSelection.Rolling12), e.Fingerprint);
        Assert.NotEqual(AlertFingerprint.Compute(Crma.Id, Magnets, Basis.Weight), e.Fingerprint); // not the published rule's alert
        Assert.Equal(e.Fingerprint, t.Record.Fingerprint);
        Assert.Equal(IndexSelection.Rolling12, e.Window);
    }

    [Fact]
    public void Apply_PublishedRule_EventSaysPublished()
    {
        var e = Assert.Single(AlertLifecycle.Apply(null, Evaluate(Crma, ("2024", 0.90)), "v1", time.GetUtcNow(), "run-1").Events);

        Assert.Equal(IndexSelection.Published, e.Window);
    }

    [Fact]
    public void Apply_SameEvaluationTwiceFromTheSameRecord_GivesTheSameEventId()
    {
        var before = Record(Start.Inactive, Crma);
        var evaluation = Evaluate(Crma, ("2024-02", 0.80));

        var first = AlertLifecycle.Apply(before, evaluation, "v1", time.GetUtcNow(), "run-1");
        time.Advance(TimeSpan.FromMinutes(5));
        var overlapping = AlertLifecycle.Apply(before, evaluation, "v1", time.GetUtcNow(), "run-2");
        var otherVintage = AlertLifecycle.Apply(before, evaluation, "v2", time.GetUtcNow(), "run-2");

        Assert.Equal(first.Event!.EventId, overlapping.Event!.EventId);
        Assert.NotEqual(first.Event.EventId, otherVintage.Event!.EventId);
    }

    [Fact]
    public void Apply_RerunOnTheUpdatedRecord_IsSilentAndUnchanged()
    {
        var evaluation = Evaluate(Crma, ("2024-01", 0.70), ("2024-02", 0.80));
        var first = AlertLifecycle.Apply(null, evaluation, "v1", time.GetUtcNow(), "run-1");
        time.Advance(TimeSpan.FromHours(1));

        var again = AlertLifecycle.Apply(first.Record, evaluation, "v1", time.GetUtcNow(), "run-2");

        Assert.Empty(again.Events);
        Assert.False(again.Changed);
        Assert.Same(first.Record, again.Record);
        Assert.Equal("run-1", again.Record.RunId);
    }

    [Theory]
    [InlineData(0.75, AlertStatus.Firing, AlertState.Firing)] // revised up: still firing, says what changed
    [InlineData(0.50, AlertStatus.Resolved, AlertState.Resolved)] // revised below the threshold: resolves, carrying the revision
    public void Apply_NewVintageRevisesTheAlertedLatestPeriod_EventCarriesOldAndNewValue(double revised, AlertStatus expectedState, AlertState expectedEvent)
    {
        var fired = AlertLifecycle.Apply(null, Evaluate(Crma, ("2024-02", 0.70)), "v1", time.GetUtcNow(), "run-1").Record;

        var t = AlertLifecycle.Apply(fired, Evaluate(Crma, ("2024-02", revised)), "v2", time.GetUtcNow(), "run-2");

        Assert.Equal(expectedState, t.Record.State);
        var e = Assert.Single(t.Events);
        Assert.Equal(expectedEvent, e.State);
        Assert.Equal(new Revision("2024-02", 0.70, revised, "v1", "v2"), e.Revision);
        Assert.Equal(0.70, e.PreviousValue);
        Assert.Equal(revised, e.Value);
        Assert.Equal(new AlertedPeriod(revised, "v2"), t.Record.AlertedPeriods[Period.Monthly(2024, 2)]);
    }

    [Fact]
    public void Apply_NewVintageRevisesAnEarlierAlertedPeriod_EmitsOneRevisionEventForIt()
    {
        var r1 = AlertLifecycle.Apply(null, Evaluate(Crma, ("2024-01", 0.70)), "v1", time.GetUtcNow(), "run-1").Record;
        var r2 = AlertLifecycle.Apply(r1, Evaluate(Crma, ("2024-01", 0.70), ("2024-02", 0.72)), "v1", time.GetUtcNow(), "run-2").Record;

        var t = AlertLifecycle.Apply(r2, Evaluate(Crma, ("2023-12", 0.10), ("2024-01", 0.66), ("2024-02", 0.72)), "v2", time.GetUtcNow(), "run-3");

        var e = Assert.Single(t.Events);
        Assert.Equal("2024-01", e.Period);
        Assert.Equal(AlertState.Firing, e.State);
        Assert.Equal(new Revision("2024-01", 0.70, 0.66, "v1", "v2"), e.Revision);
        Assert.Equal(AlertFingerprint.EventId(e.Fingerprint, AlertState.Firing, Period.Monthly(2024, 1), "v2"), e.EventId);
        Assert.Equal(AlertStatus.Firing, t.Record.State);
        Assert.Equal(Period.Monthly(2024, 2), t.Record.Period);
    }

    [Fact]
    public void Apply_RevisionOfAPeriodThatNeverAlerted_IsSilent()
    {
        var r1 = AlertLifecycle.Apply(null, Evaluate(Crma, ("2024-01", 0.50)), "v1", time.GetUtcNow(), "run-1").Record;

        var t = AlertLifecycle.Apply(r1, Evaluate(Crma, ("2024-01", 0.55)), "v2", time.GetUtcNow(), "run-2");

        Assert.Empty(t.Events);
        Assert.Equal(0.55, t.Record.Value);
        Assert.True(t.Changed);
    }

    [Fact]
    public void Apply_FloatingPointNoise_IsNoRevision()
    {
        var r1 = AlertLifecycle.Apply(null, Evaluate(Crma, ("2024-01", 0.7)), "v1", time.GetUtcNow(), "run-1").Record;

        var t = AlertLifecycle.Apply(r1, Evaluate(Crma, ("2024-01", 0.7 + 1e-15)), "v2", time.GetUtcNow(), "run-2");

        Assert.Empty(t.Events);
    }

    [Fact]
    public void Apply_LatestPeriodOlderThanStored_KeepsTheState()
    {
        var firing = AlertLifecycle.Apply(null, Evaluate(Crma, ("2024-02", 0.70)), "v1", time.GetUtcNow(), "run-1").Record;

        var t = AlertLifecycle.Apply(firing, Evaluate(Crma, ("2023-06", 0.20)), "v2", time.GetUtcNow(), "run-2");

        Assert.Empty(t.Events);
        Assert.Equal(AlertStatus.Firing, t.Record.State);
        Assert.Equal(Period.Monthly(2024, 2), t.Record.Period);
    }

    [Fact]
    public void Apply_ManyFiringPeriods_RemembersOnlyTheNewest()
    {
        AlertRecord? record = null;
        var period = Period.Monthly(2020, 1);
        for (var i = 0; i < AlertLifecycle.MaxAlertedPeriods + 10; i++, period = period.Next())
        {
            record = AlertLifecycle.Apply(record, Evaluate(Crma, (period.ToString(), 0.70)), "v1", time.GetUtcNow(), "run").Record;
        }

        Assert.Equal(AlertLifecycle.MaxAlertedPeriods, record!.AlertedPeriods.Count);
        Assert.Equal(Period.Monthly(2020, 11), record.AlertedPeriods.Keys.Min());
    }

    [Fact]
    public void Apply_RecordOfAnotherAlert_Throws()
    {
        var other = AlertLifecycle.Apply(null, Evaluate(Crma with { Id = "other-rule" }, ("2024-01", 0.7)), "v1", time.GetUtcNow(), "run-1").Record;

        Assert.Throws<ArgumentException>(() => AlertLifecycle.Apply(other, Evaluate(Crma, ("2024-01", 0.7)), "v1", time.GetUtcNow(), "run-2"));
    }
}
