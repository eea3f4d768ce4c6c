using Alerts.Compute.Engine;
using Alerts.Compute.Series;
using Alerts.Evaluate.Inhibition;
using Alerts.Evaluate.Lifecycle;
using Alerts.Evaluate.Rules;
using Alerts.Pull.Statistics;
using Microsoft.Extensions.Time.Testing;

namespace Alerts.Evaluate.Tests.Inhibition;

public sealed class InhibitionTransitionTests
{
    private static readonly SeriesKey Magnets = new("EU27_2020", "85051110", TradeFlow.Import);
    private static readonly IReadOnlyList<string> ByCritical = ["fp-critical"];
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 12, 1, 6, 0, 0, TimeSpan.Zero));

    // The warning rule of the defaults (HHI above 2500) on one period: suppliers equal in size, 3 (HHI 3333, breaches) or 5 (2000, clear).
    private static SeriesEvaluation Hhi(string period, int suppliers) =>
        new RuleEvaluator([DefaultRules.HhiHigh]).Evaluate([new SeriesIndices(
            Magnets, Basis.Weight, Period.Parse(period), ConcentrationCalculator.Compute([.. new[] { "CN", "JP", "US", "DE", "FR" }.Take(suppliers).Select(c => new SupplierAmount(c, 100))]), "Magnets")]).Single();

    private AlertTransition Step(AlertRecord? before, SeriesEvaluation evaluation, IReadOnlyList<string> inhibitedBy, string runId)
    {
        var vintage = "v-" + evaluation.Latest.Period;
        return InhibitionTransition.Apply(
            AlertLifecycle.Apply(before, evaluation, vintage, time.GetUtcNow(), runId), before, evaluation, inhibitedBy, vintage, time.GetUtcNow(), runId);
    }

    [Fact]
    public void Apply_FiresWhileInhibited_EventAndRecordCarryTheInhibitors()
    {
        var t = Step(null, Hhi("2024-01", 3), ByCritical, "run-1"); // three equal suppliers: HHI 3333

        Assert.Equal(AlertState.Firing, Assert.Single(t.Events).State);
        Assert.Equal(ByCritical, t.Events[0].InhibitedBy);
        Assert.True(AlertEvent.IsInhibited(t.Events[0]));
        Assert.Equal(ByCritical, t.Record.InhibitedBy);
    }

    [Fact]
    public void Apply_ResolvesWhileInhibited_TheResolveIsNotInhibited()
    {
        var firing = Step(null, Hhi("2024-01", 3), [], "run-1").Record;

        var t = Step(firing, Hhi("2024-02", 5), ByCritical, "run-2"); // five: HHI 2000, resolves

        var resolved = Assert.Single(t.Events);
        Assert.Equal(AlertState.Resolved, resolved.State);
        Assert.Null(resolved.InhibitedBy);
        Assert.False(AlertEvent.IsInhibited(resolved));
        Assert.Equal(ByCritical, t.Record.InhibitedBy); // shown in the API all the same
    }

    [Fact]
    public void Apply_InhibitionStartsOnAFiringAlert_RecordChangedNoEvent()
    {
        var firing = Step(null, Hhi("2024-01", 3), [], "run-1").Record;
        time.Advance(TimeSpan.FromDays(1));

        var t = Step(firing, Hhi("2024-01", 3), ByCritical, "run-2");

        Assert.True(t.Changed);
        Assert.Empty(t.Events);
        Assert.Equal(ByCritical, t.Record.InhibitedBy);
        Assert.Equal(("run-2", time.GetUtcNow()), (t.Record.RunId, t.Record.UpdatedAt));
    }

    [Fact]
    public void Apply_InhibitionEndsOnAFiringAlert_OneUninhibitedFiringEventOnce()
    {
        var inhibited = Step(null, Hhi("2024-01", 3), ByCritical, "run-1");
        time.Advance(TimeSpan.FromDays(1));

        var lifted = Step(inhibited.Record, Hhi("2024-01", 3), [], "run-2");

        var e = Assert.Single(lifted.Events);
        Assert.Equal((AlertState.Firing, "2024-01", (IReadOnlyList<string>?)null), (e.State, e.Period, e.InhibitedBy));
        Assert.NotEqual(inhibited.Events[0].EventId, e.EventId); // its own id: not dropped as a duplicate of the first firing
        Assert.Equal(e.EventId, lifted.Record.LastEventId);
        Assert.Null(lifted.Record.InhibitedBy);
        // The same run again changes nothing and tells nothing.
        var again = Step(lifted.Record, Hhi("2024-01", 3), [], "run-2");
        Assert.False(again.Changed);
        Assert.Empty(again.Events);
        // A re-run of the lifting run gives the same id (the bus drops it as a duplicate).
        Assert.Equal(e.EventId, Assert.Single(Step(inhibited.Record, Hhi("2024-01", 3), [], "run-2b").Events).EventId);
    }

    [Fact]
    public void Apply_NotInhibitedBeforeOrAfter_TheLifecycleTransitionUnchanged()
    {
        var evaluation = Hhi("2024-01", 3);
        var plain = AlertLifecycle.Apply(null, evaluation, "v-2024-01", time.GetUtcNow(), "run-1");

        var t = InhibitionTransition.Apply(plain, null, evaluation, [], "v-2024-01", time.GetUtcNow(), "run-1");

        Assert.Equal(plain.Events, t.Events);
        Assert.Null(t.Record.InhibitedBy);
    }
}
