using Alerts.Compute.Engine;
using Alerts.Compute.Series;

using Alerts.Evaluate.Rules;
using Alerts.Pull.Statistics;

namespace Alerts.Evaluate.Tests.Rules;

public sealed class RuleTests
{
    private static readonly SeriesKey EuMagnets = new("EU27_2020", "85051110", TradeFlow.Import);

    [Theory]
    [InlineData(0.70, true, false)] // above the threshold: breaches
    [InlineData(0.62, false, false)] // between clear (0.60) and threshold (0.65): neither
    [InlineData(0.60, false, true)] // at the clear threshold: clears (> 0.60 no longer holds)
    [InlineData(0.40, false, true)] // well below: clears
    public void BreachesAndClears_UpwardRuleWithHysteresis_HaveADeadBand(double value, bool breaches, bool clears)
    {
        var rule = DefaultRules.CrmaSingleCountry with { ClearThreshold = 0.60 };

        Assert.Equal(breaches, rule.Breaches(value));
        Assert.Equal(clears, rule.Clears(value));
    }

    [Theory]
    [InlineData(1.5, true, false)] // below 2 suppliers-equivalent: breaches
    [InlineData(2.5, false, false)] // in the dead band up to 3
    [InlineData(3.5, false, true)] // back above 3: clears
    public void BreachesAndClears_DownwardRuleWithHysteresis_HaveADeadBand(double value, bool breaches, bool clears)
    {
        var rule = new Rule("few", "Few suppliers", "equivalentSuppliers", ComparisonOperator.LessThan, 2, Severities.Info, ClearThreshold: 3);

        Assert.Equal(breaches, rule.Breaches(value));
        Assert.Equal(clears, rule.Clears(value));
    }

    [Fact]
    public void Clears_NaN_DoesNotClear()
    {
        Assert.False(DefaultRules.CrmaSingleCountry.Clears(double.NaN));
    }

    [Theory]
    [InlineData(Basis.Weight, TradeFlow.Import, "85051110", "EU27_2020", true)] // in every scope
    [InlineData(Basis.Value, TradeFlow.Import, "85051110", "EU27_2020", false)] // other basis
    [InlineData(Basis.Weight, TradeFlow.Export, "85051110", "EU27_2020", false)] // other flow
    [InlineData(Basis.Weight, TradeFlow.Import, "280530", "EU27_2020", false)] // commodity out of scope
    [InlineData(Basis.Weight, TradeFlow.Import, "85051110", "de", false)] // reporter out of scope
    [InlineData(Basis.Weight, TradeFlow.Import, "rare-earth-magnets/downstream", "EU27_2020", true)] // a commodity id covers its series at each stage
    [InlineData(Basis.Weight, TradeFlow.Import, "graphite/ore", "EU27_2020", false)] // another commodity's series
    [InlineData(Basis.Weight, TradeFlow.Import, "rare-earth-magnets/nonsense", "EU27_2020", false)] // not a stage: not that commodity's series
    public void AppliesTo_Scope_MatchesBasisFlowCommodityAndReporter(Basis basis, TradeFlow flow, string product, string reporter, bool expected)
    {
        var rule = DefaultRules.CrmaSingleCountry with { Commodities = ["85051110", "rare-earth-magnets"], Reporters = ["eu27_2020"] };

        Assert.Equal(expected, rule.AppliesTo(new SeriesKey(reporter, product, flow), basis));
    }

    [Theory]
    // the product belongs to the rule's commodity
    [InlineData("rare-earth-magnets", true)]
    // it belongs to another commodity only
    [InlineData("graphite", false)]
    // no catalog entry
    [InlineData("", false)]
    public void AppliesTo_ProductOfACommodityInScope_AsExpected(string commodityIds, bool expected)
    {
        var rule = DefaultRules.CrmaSingleCountry with { Commodities = ["rare-earth-magnets"] };
        IReadOnlyList<string> ids = commodityIds.Length == 0 ? [] : [commodityIds];

        Assert.Equal(expected, rule.AppliesTo(new SeriesKey("EU27_2020", "850511", TradeFlow.Import), Basis.Weight, ids));
    }

    [Fact]
    public void AppliesTo_NoScope_MatchesAnySeries()
    {
        var rule = new Rule("any", "Any", "cr1", ComparisonOperator.GreaterThan, 0.5, Severities.Info);

        Assert.True(rule.AppliesTo(EuMagnets, Basis.Value));
        Assert.True(rule.AppliesTo(EuMagnets with { Flow = TradeFlow.Export }, Basis.Weight));
    }
}
