using Alerts.Compute.Engine;
using Alerts.Compute.Series;
using Alerts.Evaluate.Inhibition;
using Alerts.Evaluate.Lifecycle;
using Alerts.Evaluate.Rules;
using Alerts.Pull.Statistics;

namespace Alerts.Evaluate.Tests.Inhibition;

public sealed class InhibitorTests
{
    private static readonly SeriesKey Magnets = new("EU27_2020", "85051110", TradeFlow.Import);
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 6, 0, 0, TimeSpan.Zero);
    private static readonly Inhibitor Default = new(InhibitionRule.Defaults);

    /// <summary>A stored alert of <paramref name="rule"/> (its severity) on the magnets series.</summary>
    private static AlertRecord Alert(string rule, string severity, AlertStatus state, Basis basis = Basis.Weight, string period = "2024-03") => new(
        AlertFingerprint.Compute(rule, Magnets, basis), rule, Magnets.Reporter, Magnets.Product, Magnets.Flow, basis, "cr1", severity, "Magnets",
        state, Period.Parse(period), 0.7, 0.65, "v1", null, null, null, new Dictionary<Period, AlertedPeriod>(), Now, "run-1");

    private static IndexSelection? Published(string ruleId) => IndexSelection.Published;

    [Theory]
    [InlineData(AlertStatus.Firing, true)] // a firing critical inhibits
    [InlineData(AlertStatus.Recovering, true)] // still firing for subscribers while it recovers
    [InlineData(AlertStatus.Pending, false)] // not firing yet
    [InlineData(AlertStatus.Resolved, false)]
    [InlineData(AlertStatus.Inactive, false)]
    public void Inhibited_DefaultRule_CriticalInhibitsWarningOfTheSameSeriesWhileFiring(AlertStatus criticalState, bool inhibited)
    {
        var critical = Alert("crma", Severities.Critical, criticalState);
        var warning = Alert("hhi", Severities.Warning, AlertStatus.Firing);

        var result = Default.Inhibited([critical, warning], Published);

        Assert.Equal(inhibited ? [critical.Fingerprint] : null, result.GetValueOrDefault(warning.Fingerprint));
        Assert.False(result.ContainsKey(critical.Fingerprint)); // a source is never its own target
    }

    [Fact]
    public void Inhibited_OtherBasisOrPeriod_NotInhibited()
    {
        var critical = Alert("crma", Severities.Critical, AlertStatus.Firing);
        var byValue = Alert("hhi", Severities.Warning, AlertStatus.Firing, Basis.Value); // basis is an equal label
        var older = Alert("hhi-2", Severities.Warning, AlertStatus.Firing, period: "2024-02"); // so is period

        Assert.Empty(Default.Inhibited([critical, byValue, older], Published));
    }

    [Fact]
    public void Inhibited_RuleNoLongerConfigured_NeitherInhibitsNorIsInhibited()
    {
        var critical = Alert("gone", Severities.Critical, AlertStatus.Firing);
        var warning = Alert("hhi", Severities.Warning, AlertStatus.Firing);

        Assert.Empty(Default.Inhibited([critical, warning], id => id == "gone" ? null : IndexSelection.Published));
    }

    [Fact]
    public void Inhibited_WindowIsAnEqualLabel_OnlyTheSameWindowInhibited()
    {
        var critical = Alert("crma-rolling", Severities.Critical, AlertStatus.Firing);
        var published = Alert("hhi", Severities.Warning, AlertStatus.Firing);
        var rolling = Alert("hhi-rolling", Severities.Warning, AlertStatus.Firing);

        var result = Default.Inhibited([critical, published, rolling], id => id.EndsWith("-rolling", StringComparison.Ordinal) ? IndexSelection.Rolling12 : IndexSelection.Published);

        Assert.Equal([rolling.Fingerprint], result.Keys);
    }

    [Fact]
    public void Inhibited_TwoSources_BothNamedInOrder()
    {
        var a = Alert("crma-a", Severities.Critical, AlertStatus.Firing);
        var b = Alert("crma-b", Severities.Critical, AlertStatus.Firing);
        var warning = Alert("hhi", Severities.Warning, AlertStatus.Firing);

        var result = Default.Inhibited([b, warning, a], Published);

        Assert.Equal(new[] { a.Fingerprint, b.Fingerprint }.Order(StringComparer.Ordinal), result[warning.Fingerprint]);
    }

    [Fact]
    public void Inhibited_RegexAndNegatedMatchers_AsConfigured()
    {
        // Any firing crma-* rule inhibits every alert that is not critical, whatever its period.
        var rule = new InhibitionRule(
            "x", [new InhibitionMatcher("rule", "crma-.*", IsRegex: true)], [new InhibitionMatcher("severity", "CRITICAL", IsEqual: false)], ["product"]);
        var critical = Alert("crma-a", Severities.Critical, AlertStatus.Firing);
        var info = Alert("info-rule", Severities.Info, AlertStatus.Resolved, period: "2023-01");
        var otherCritical = Alert("other", Severities.Critical, AlertStatus.Firing);

        var result = new Inhibitor([rule]).Inhibited([critical, info, otherCritical], Published);

        Assert.Equal([info.Fingerprint], result.Keys);
    }
}
