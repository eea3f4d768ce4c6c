using Alerts.Compute.Engine;
using Alerts.Compute.Mirror;
using Alerts.Compute.Series;
using Alerts.Evaluate.Rules;
using Alerts.Pull;
using Alerts.Pull.Statistics;

namespace Alerts.Compute.Tests.Mirror;

/// <summary>
/// The mirror check on the EU's series rows and the informational rule on it, worked by hand (product 280530, tonnes):
/// 2024 the EU imports 1 000 t from China and 900 t from Malaysia, which declare 950 t and 400 t of exports to the EU.
/// </summary>
public sealed class MirrorEnricherTests
{
    private static readonly SeriesKey Eu = new("EU27_2020", "280530", TradeFlow.Import);

    private static TradeObservation Import(string partner, decimal tonnes, int year = 2024) =>
        new("EU27_2020", partner, "280530", TradeFlow.Import, Period.Annual(year), tonnes * 1000, tonnes * 10, "EUR");

    private static TradeObservation Export(string reporter, decimal tonnes, int year = 2024) =>
        new(reporter, "EU27_2020", "280530", TradeFlow.Export, Period.Annual(year), tonnes * 1000, tonnes * 11, "USD");

    private static readonly IReadOnlyList<TradeObservation> Imports = [Import("CN", 1000), Import("MY", 900), Import("CN", 800, 2023), Import("MY", 700, 2023)];

    private static IReadOnlyList<SeriesIndices> Rows(SeriesKey series) =>
        SeriesWindows.Compute(series, [.. Imports.Select(o => o with { Reporter = series.Reporter })], null, SeriesWindows.Stored, null);

    [Fact]
    public void Enrich_EuWeightRowOfAMirrorYear_LargestGapAndTheRuleFires()
    {
        var rows = MirrorEnricher.Enrich(Rows(Eu), Imports, [Export("CN", 950), Export("MY", 400)]);

        // CN |1000 - 950| / 1000 = 5%; MY |900 - 400| / 900 = 55.6%: the largest, flagged, more arrived than declared leaving.
        var weight = rows.Single(r => r.Basis == Basis.Weight && r.Period == Period.Annual(2024));
        Assert.Equal(("MY", 5 / 9.0), (weight.Mirror!.LargestGapPartner, weight.Mirror.LargestGap));
        Assert.Equal(["MY", "CN"], weight.Mirror.Gaps.Select(g => g.Partner));
        Assert.Equal("imports", Assert.Single(weight.Mirror.Flagged).LargerSide);
        // Only that row: the value row, and 2023 (no partner figures fetched for it: not a 100% gap) have none.
        Assert.All(rows.Where(r => r != weight), r => Assert.Null(r.Mirror));

        var rule = DefaultRules.MirrorGap;
        Assert.Equal((Severities.Info, "mirrorGap", 1 / 3.0), (rule.Severity, rule.Metric, rule.Threshold));
        var evaluation = Assert.Single(new RuleEvaluator([rule]).Evaluate(rows));
        Assert.Equal((Period.Annual(2024), 5 / 9.0, true), (evaluation.Latest.Period, evaluation.Latest.Value, evaluation.Latest.Breaches));
    }

    [Fact]
    public void Enrich_GapsUnderAThird_ValueKeptRuleClear()
    {
        // CN 5%, MY |900 - 700| / 900 = 22.2%: the largest, not flagged.
        var rows = MirrorEnricher.Enrich(Rows(Eu), Imports, [Export("CN", 950), Export("MY", 700)]);

        var weight = rows.Single(r => r.Mirror is not null);
        Assert.Equal(("MY", Math.Round(2 / 9.0, 12)), (weight.Mirror!.LargestGapPartner, Math.Round(weight.Mirror.LargestGap, 12)));
        Assert.Empty(weight.Mirror.Flagged);
        Assert.False(Assert.Single(new RuleEvaluator([DefaultRules.MirrorGap]).Evaluate(rows)).Latest.Breaches);
    }

    [Fact]
    public void Enrich_MemberStateOrNoMirrorData_Unchanged()
    {
        var de = Eu with { Reporter = "DE" };
        Assert.All(MirrorEnricher.Enrich(Rows(de), Imports, [Export("CN", 1)]), r => Assert.Null(r.Mirror));
        Assert.All(MirrorEnricher.Enrich(Rows(Eu), Imports, []), r => Assert.Null(r.Mirror));
        Assert.True(double.IsNaN(MetricCatalog.Default.Read("mirrorGap", Rows(Eu)[0])));
    }

    [Fact]
    public void MirrorHash_ChangesWithThePartnersFiguresOnly()
    {
        Assert.Equal("abc", MirrorHash.Combine("abc", null));
        Assert.Equal("abc", MirrorHash.Combine("abc", []));
        var one = MirrorHash.Combine("abc", [Export("CN", 950), Export("MY", 400)]);
        Assert.Equal(one, MirrorHash.Combine("abc", [Export("MY", 400), Export("CN", 950)]));
        Assert.NotEqual(one, MirrorHash.Combine("abc", [Export("CN", 950), Export("MY", 401)]));
        Assert.NotEqual(one, MirrorHash.Combine("abd", [Export("CN", 950), Export("MY", 400)]));
    }

    [Fact]
    public void DefaultRules_MirrorGapOnlyWithBothSources()
    {
        Assert.DoesNotContain(DefaultRules.MirrorGap, DefaultRules.For(new PullOptions()));
        Assert.DoesNotContain(DefaultRules.MirrorGap, DefaultRules.For(new PullOptions { Sources = "comtrade" }));
        Assert.Equal([.. DefaultRules.All, DefaultRules.MirrorGap], DefaultRules.For(new PullOptions { Sources = "comext, comtrade" }));
    }
}
