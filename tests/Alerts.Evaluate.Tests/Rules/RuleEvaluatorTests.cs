using Alerts.Compute.Engine;
using Alerts.Compute.Series;
using Alerts.Compute.SupplyRisk;

using Alerts.Evaluate.Rules;
using Alerts.Pull.Statistics;

namespace Alerts.Evaluate.Tests.Rules;

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

    private static readonly Rule ConsumptionShare = new("crma-consumption", "CRMA consumption share", "crmaConsumptionShare", ComparisonOperator.GreaterThan, 0.65, Severities.Critical);

    /// <summary>Magnets 2022-2024 (CN 60 of 100 t imported each year, 40 t exported) enriched as the pipeline does; production only for some years.</summary>
    private static List<SeriesIndices> CrmaYears(string production)
    {
        var trade = new List<TradeObservation>();
        foreach (var year in new[] { 2022, 2023, 2024 })
        {
            trade.Add(new(Magnets.Reporter, "CN", Magnets.Product, TradeFlow.Import, Period.Annual(year), 60_000, null, "EUR"));
            trade.Add(new(Magnets.Reporter, "JP", Magnets.Product, TradeFlow.Import, Period.Annual(year), 40_000, null, "EUR"));
            trade.Add(new(Magnets.Reporter, "US", Magnets.Product, TradeFlow.Export, Period.Annual(year), 40_000, null, "EUR"));
        }

        var metrics = SupplyMetricsCalculator.Compute(trade, SupplyRiskInputs.None with { Production = ProductionTable.Parse("reporter,product,year,quantity_kg\n" + production, "p.csv") });
        return [.. WindowedIndices.Compute(trade, Basis.Weight)
            .Where(w => w.Row.Flow == TradeFlow.Import)
            .Select(w => metrics.Enrich(new SeriesIndices(w.Row.Series, Basis.Weight, w.Row.Period, w.Indices, null, w.FromPrevious, w.FromYearAgo)))];
    }

    [Fact]
    public void Evaluate_ConsumptionShareRule_FiresOnTheShareOfApparentConsumption()
    {
        // 2024: 60 t / (0 + 100 t - 40 t) = 100% of consumption, far above the 60% import share.
        var result = Assert.Single(new RuleEvaluator([ConsumptionShare]).Evaluate(CrmaYears("EU27_2020,85051110,2024,0\n")));

        var latest = Assert.Single(result.Periods); // 2022 and 2023 have no production: NaN, left out
        Assert.Equal("2024", latest.Period.ToString());
        Assert.Equal(1.0, latest.Value, 12);
        Assert.True(latest.Breaches);
    }

    [Fact]
    public void Evaluate_ConsumptionShareUnknownInTheLatestYear_FollowsTheLatestYearThatHasIt()
    {
        // Production known for 2022 only (60 t: 60 / 120 = 50%, below): 2023 and 2024 neither fire nor clear.
        var result = Assert.Single(new RuleEvaluator([ConsumptionShare]).Evaluate(CrmaYears("EU27_2020,85051110,2022,60000\n")));

        Assert.Equal("2022", result.Latest.Period.ToString());
        Assert.Equal(0.5, result.Latest.Value, 12);
        Assert.False(result.Latest.Breaches);
        Assert.True(result.Latest.Clears);
    }

    [Fact]
    public void Evaluate_ConsumptionShareNeverKnown_GivesNoEvaluationWhileCr1Does()
    {
        var result = new RuleEvaluator([ConsumptionShare, DefaultRules.CrmaSingleCountry]).Evaluate(CrmaYears(string.Empty));

        Assert.Equal(DefaultRules.CrmaSingleCountryId, Assert.Single(result).Rule.Id); // the default rule keeps the import proxy
    }

    private static readonly Rule HhiJump = new("hhi-jump", "HHI jumped on a year", "hhiChangeFromYearAgo", ComparisonOperator.GreaterThan, 500, Severities.Warning);

    /// <summary>Monthly magnets 2023-01..2024-03 through the engine, as the pipeline builds them; 2024 is far more concentrated.</summary>
    private static List<SeriesIndices> MonthlySeries(int fromMonth = 1)
    {
        var observations = new List<TradeObservation>();
        for (var m = fromMonth; m <= 15; m++)
        {
            var period = Period.Monthly(2023 + ((m - 1) / 12), ((m - 1) % 12) + 1);
            var cn = m <= 12 ? 50m : 90m; // HHI 5000 in 2023, 8200 in 2024
            observations.Add(new(Magnets.Reporter, "CN", Magnets.Product, TradeFlow.Import, period, cn, null, "EUR"));
            observations.Add(new(Magnets.Reporter, "JP", Magnets.Product, TradeFlow.Import, period, 100 - cn, null, "EUR"));
        }

        return [.. WindowedIndices.Compute(observations, Basis.Weight)
            .Select(w => new SeriesIndices(w.Row.Series, Basis.Weight, w.Row.Period, w.Indices, null, w.FromPrevious, w.FromYearAgo))];
    }

    [Fact]
    public void Evaluate_HhiChangeFromYearAgoRuleOnAConstructedSeries_FiresWhereTheYearAgoIsKnown()
    {
        var evaluator = new RuleEvaluator([HhiJump]);

        var result = Assert.Single(evaluator.Evaluate(MonthlySeries()));

        // 2023 months have no year-ago month: left out, neither firing nor clearing.
        Assert.Equal(["2024-01", "2024-02", "2024-03"], result.Periods.Select(p => p.Period.ToString()));
        Assert.All(result.Periods, p => Assert.Equal(3200, p.Value, 6)); // 8200 - 5000
        Assert.True(result.Latest.Breaches);
        Assert.False(result.Latest.Clears);
    }

    [Fact]
    public void Evaluate_ChangeMetricWithoutEarlierPeriod_NeitherBreachesNorClears()
    {
        var evaluator = new RuleEvaluator([HhiJump]);
        var first = MonthlySeries()[0]; // 2023-01

        var evaluation = evaluator.Evaluate(HhiJump, first);

        Assert.True(double.IsNaN(evaluation.Value));
        Assert.False(evaluation.Breaches);
        Assert.False(evaluation.Clears);
    }

    [Fact]
    public void Evaluate_SeriesWhereTheChangeIsNeverKnown_GivesNoEvaluation()
    {
        // Only 2024 months: no year ago anywhere, so the alert is neither created nor moved.
        var evaluator = new RuleEvaluator([HhiJump, DefaultRules.HhiHigh]);

        var result = evaluator.Evaluate(MonthlySeries(fromMonth: 13));

        Assert.Equal(DefaultRules.HhiHighId, Assert.Single(result).Rule.Id);
    }

    [Fact]
    public void Evaluate_ChangeFromPreviousRule_ReadsTheMonthBefore()
    {
        var rule = new Rule("cr1-jump", "CR1 jumped", "cr1ChangeFromPrevious", ComparisonOperator.GreaterThan, 0.3, Severities.Info);

        var result = Assert.Single(new RuleEvaluator([rule]).Evaluate(MonthlySeries()));

        Assert.Equal(14, result.Periods.Count); // every month but the first
        Assert.Equal("2024-01", Assert.Single(result.Periods, p => p.Breaches).Period.ToString()); // 0.9 - 0.5
        Assert.True(result.Latest.Clears); // 2024-03: no change against 2024-02
    }

    private static readonly Rule PublishedCr1 = new("cr1-month", "A month above 65%", "cr1", ComparisonOperator.GreaterThan, 0.65, Severities.Warning);

    private static readonly Rule RollingCr1 = PublishedCr1 with { Id = "cr1-rolling", Name = "A year above 65%", Window = IndexSelection.Rolling12 };

    /// <summary>
    /// 24 months 2023-01..2024-12 of magnets, China's share of each month given by <paramref name="chinaShare"/>
    /// (percent, the rest from Japan), as the pipeline builds them: the published months and the rolling 12 months.
    /// </summary>
    private static List<SeriesIndices> PublishedAndRolling(Func<int, decimal> chinaShare)
    {
        var observations = new List<TradeObservation>();
        for (var m = 1; m <= 24; m++)
        {
            var period = Period.Monthly(2022 + ((m + 11) / 12), ((m - 1) % 12) + 1);
            observations.Add(new(Magnets.Reporter, "CN", Magnets.Product, TradeFlow.Import, period, chinaShare(m), null, "EUR"));
            observations.Add(new(Magnets.Reporter, "JP", Magnets.Product, TradeFlow.Import, period, 100 - chinaShare(m), null, "EUR"));
        }

        return [.. new[] { IndexSelection.Published, IndexSelection.Rolling12 }.SelectMany(window => WindowedIndices.Compute(observations, Basis.Weight, selection: window)
            .Select(w => new SeriesIndices(w.Row.Series, Basis.Weight, w.Row.Period, w.Indices, null, w.FromPrevious, w.FromYearAgo, window,
                window == IndexSelection.Rolling12 ? w.Row.MonthsCovered : null)))];
    }

    [Fact]
    public void Evaluate_OneMonthSpikes_PublishedRuleFiresRollingRuleDoesNot()
    {
        // China 50% every month, 95% in 2024-12: that month's CR1 is 0.95, the 12 months to it (645 of 1200) 0.5375.
        var indices = PublishedAndRolling(m => m == 24 ? 95 : 50);

        var result = new RuleEvaluator([PublishedCr1, RollingCr1]).Evaluate(indices);

        var published = Assert.Single(result, r => r.Rule == PublishedCr1);
        var rolling = Assert.Single(result, r => r.Rule == RollingCr1);
        Assert.Equal(24, published.Periods.Count); // every published month
        Assert.Equal(0.95, published.Latest.Value, 10);
        Assert.True(published.Latest.Breaches);
        Assert.Equal(13, rolling.Periods.Count); // complete windows only: to 2023-12 .. to 2024-12
        Assert.Equal(Period.Monthly(2023, 12), rolling.Periods[0].Period);
        Assert.Equal(645d / 1200, rolling.Latest.Value, 10);
        Assert.False(rolling.Latest.Breaches);
        Assert.True(rolling.Latest.Clears);
    }

    [Fact]
    public void Evaluate_TwelveMonthsHighButLatestMonthLow_RollingRuleFiresPublishedRuleDoesNot()
    {
        // China 90% from 2024-01 to 2024-11, 40% in 2024-12: the month's CR1 is Japan's 0.60, the 12 months to it China's 1030 of 1200.
        var indices = PublishedAndRolling(m => m == 24 ? 40 : m > 12 ? 90 : 50);

        var result = new RuleEvaluator([PublishedCr1, RollingCr1]).Evaluate(indices);

        var published = Assert.Single(result, r => r.Rule == PublishedCr1).Latest;
        var rolling = Assert.Single(result, r => r.Rule == RollingCr1).Latest;
        Assert.Equal((Period.Monthly(2024, 12), 0.6), (published.Period, Math.Round(published.Value, 10)));
        Assert.False(published.Breaches);
        Assert.Equal(Period.Monthly(2024, 12), rolling.Period);
        Assert.Equal(1030d / 1200, rolling.Value, 10);
        Assert.True(rolling.Breaches);
    }

    [Fact]
    public void Evaluate_RollingRuleOnAnnualData_GivesNoEvaluation()
    {
        // Annual rows are published rows: a rolling12 rule has nothing to read, a published one does.
        var result = new RuleEvaluator([PublishedCr1, RollingCr1]).Evaluate([Indices(Magnets, Basis.Weight, "2024", ("CN", 90), ("JP", 10))]);

        Assert.Equal(PublishedCr1, Assert.Single(result).Rule);
    }

    [Fact]
    public void Evaluate_IncompleteRollingWindow_IsNotEvaluated()
    {
        var full = Indices(Magnets, Basis.Weight, "2024-06", ("CN", 90), ("JP", 10)) with { Window = IndexSelection.Rolling12, MonthsCovered = 12 };
        var shortWindow = full with { Period = Period.Monthly(2024, 7), MonthsCovered = 11 }; // a month without data in the window

        var result = Assert.Single(new RuleEvaluator([RollingCr1]).Evaluate([full, shortWindow]));

        Assert.Equal(Period.Monthly(2024, 6), Assert.Single(result.Periods).Period);
    }

    [Fact]
    public void Evaluate_RollingChangeRule_ComparesRollingWindows()
    {
        // The 12 months to 2024-12 against the 12 months to 2023-12: China 1030 vs 600 of 1200.
        var rule = new Rule("cr1-rolling-jump", "Rolling CR1 up on a year", "cr1ChangeFromYearAgo", ComparisonOperator.GreaterThan, 0.3, Severities.Info, Window: IndexSelection.Rolling12);

        var result = Assert.Single(new RuleEvaluator([rule]).Evaluate(PublishedAndRolling(m => m == 24 ? 40 : m > 12 ? 90 : 50)));

        Assert.Equal((1030d - 600) / 1200, result.Latest.Value, 10);
        Assert.True(result.Latest.Breaches);
    }
}
