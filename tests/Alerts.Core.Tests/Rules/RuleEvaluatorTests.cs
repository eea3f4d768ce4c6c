using Alerts.Core.Concentration;
using Alerts.Core.Rules;
using Alerts.Core.Statistics;

namespace Alerts.Core.Tests.Rules;

public sealed class RuleEvaluatorTests
{
    private static readonly SeriesKey Magnets = new("EU27_2020", "85051110", TradeFlow.Import);
    private static readonly SeriesKey Gallium = new("EU27_2020", "81129289", TradeFlow.Import);

    private static SeriesIndices Indices(SeriesKey series, Basis basis, string period, params (string Partner, decimal Amount)[] amounts) =>
        new(series, basis, Period.Parse(period), ConcentrationCalculator.Compute(amounts.Select(a => new SupplierAmount(a.Partner, a.Amount))));

    [Fact]
    public void Evaluate_DefaultRules_GivesValueThresholdAndBreachPerRuleSeriesAndPeriod()
    {
        var evaluator = new RuleEvaluator(DefaultRules.All);

        var result = evaluator.Evaluate(
        [
            Indices(Magnets, Basis.Weight, "2024", ("CN", 90), ("JP", 10)), // cr1 0.90, hhi 8200
            Indices(Magnets, Basis.Weight, "2023", ("CN", 60), ("JP", 40)), // cr1 0.60, hhi 5200
            Indices(Gallium, Basis.Weight, "2024", ("CN", 30), ("US", 30), ("JP", 40)), // cr1 0.40, hhi 3400
            Indices(Gallium, Basis.Value, "2024", ("CN", 100)), // value basis: no default rule looks at it
        ]);

        Assert.Equal(4, result.Count); // 2 rules x 2 weight series
        var crmaMagnets = result.Single(r => r.Rule.Id == DefaultRules.CrmaSingleCountryId && r.Series == Magnets);
        Assert.Equal(["2023", "2024"], crmaMagnets.Periods.Select(p => p.Period.ToString())); // oldest first
        Assert.Equal(0.90, crmaMagnets.Latest.Value, 10);
        Assert.Equal(0.65, crmaMagnets.Latest.Threshold);
        Assert.True(crmaMagnets.Latest.Breaches);
        Assert.False(crmaMagnets.Periods[0].Breaches);
        var crmaGallium = result.Single(r => r.Rule.Id == DefaultRules.CrmaSingleCountryId && r.Series == Gallium);
        Assert.False(crmaGallium.Latest.Breaches);
        Assert.True(crmaGallium.Latest.Clears);
        var hhiGallium = result.Single(r => r.Rule.Id == DefaultRules.HhiHighId && r.Series == Gallium);
        Assert.Equal(3400, hhiGallium.Latest.Value, 6);
        Assert.True(hhiGallium.Latest.Breaches);
        Assert.DoesNotContain(result, r => r.Basis == Basis.Value);
    }

    [Fact]
    public void Evaluate_PeriodWithoutSuppliers_IsNotEvaluated()
    {
        var evaluator = new RuleEvaluator([DefaultRules.CrmaSingleCountry]);

        var result = evaluator.Evaluate(
        [
            Indices(Magnets, Basis.Weight, "2023", ("CN", 90), ("JP", 10)),
            Indices(Magnets, Basis.Weight, "2024"), // no data yet: must not resolve the 2023 breach
        ]);

        Assert.Equal("2023", Assert.Single(Assert.Single(result).Periods).Period.ToString());
    }

    [Fact]
    public void Evaluate_SamePeriodTwice_KeepsTheLast()
    {
        var evaluator = new RuleEvaluator([DefaultRules.CrmaSingleCountry]);

        var result = evaluator.Evaluate(
        [
            Indices(Magnets, Basis.Weight, "2024", ("CN", 90), ("JP", 10)),
            Indices(Magnets, Basis.Weight, "2024", ("CN", 50), ("JP", 50)),
        ]);

        Assert.Equal(0.5, Assert.Single(Assert.Single(result).Periods).Value, 10);
    }

    [Fact]
    public void Constructor_InvalidRule_ThrowsNamingTheRule()
    {
        var bad = DefaultRules.HhiHigh with { Metric = "herfindahl" };

        var e = Assert.Throws<RuleConfigurationException>(() => new RuleEvaluator([bad, DefaultRules.HhiHigh]));

        Assert.Contains(e.Errors, m => m.StartsWith("rule 'hhi-high': field 'metric': Unknown metric 'herfindahl'", StringComparison.Ordinal));
        Assert.Contains(e.Errors, m => m == "rule 'hhi-high': field 'id' is used by more than one rule");
    }
}
