using Alerts.Compute.Engine;
using Alerts.Compute.Series;

using Alerts.Evaluate.Rules;
using Alerts.Pull.Statistics;

namespace Alerts.Evaluate.Tests.Rules;

public sealed class DefaultRulesTests
{
    [Fact]
    public void All_DefaultRules_AreValidAndWatchImportsByWeight()
    {
        Assert.Equal([DefaultRules.CrmaSingleCountryId, DefaultRules.HhiHighId], DefaultRules.All.Select(r => r.Id));
        Assert.All(DefaultRules.All, r =>
        {
            Assert.Empty(RuleSetBuilder.Validate(r));
            Assert.Equal(Basis.Weight, r.Basis);
            Assert.Equal(TradeFlow.Import, r.Flow);
        });
    }

    [Fact]
    public void CrmaSingleCountry_Benchmark_IsCr1Above65PercentCritical()
    {
        var rule = DefaultRules.CrmaSingleCountry;

        Assert.Equal("cr1 > 0.65", rule.Condition);
        Assert.Equal(Severities.Critical, rule.Severity);
        Assert.False(rule.Breaches(0.65));
        Assert.True(rule.Breaches(0.6501));
    }

    [Fact]
    public void CrmaSingleCountry_OverriddenToTheConsumptionProxy_KeepsIdThresholdAndScope()
    {
        // The documented way to measure the benchmark against consumption once production is configured.
        var rules = RuleSetBuilder.Build(DefaultRules.All, [new RuleDefinition { Id = DefaultRules.CrmaSingleCountryId, Metric = "crmaConsumptionShare" }], "test");

        var rule = rules.Single(r => r.Id == DefaultRules.CrmaSingleCountryId);
        Assert.Equal("crmaConsumptionShare > 0.65", rule.Condition);
        Assert.Equal((Severities.Critical, Basis.Weight, TradeFlow.Import), (rule.Severity, rule.Basis, rule.Flow));
    }

    [Fact]
    public void HhiHigh_Guideline_IsHhiAbove2500Warning()
    {
        var rule = DefaultRules.HhiHigh;

        Assert.Equal("hhi > 2500", rule.Condition);
        Assert.Equal(Severities.Warning, rule.Severity);
        Assert.True(rule.Breaches(3194));
        Assert.False(rule.Breaches(2500));
    }
}
