using Alerts.Compute.Mirror;
using Alerts.Pull.Statistics;

namespace Alerts.Compute.Tests.Mirror;

/// <summary>The mirror check on small cases worked by hand (tonnes, 2024, product 280530).</summary>
public sealed class MirrorCheckCalculatorTests
{
    private static TradeObservation Comext(string partner, decimal tonnes, string reporter = "EU27_2020", TradeFlow flow = TradeFlow.Import) =>
        new(reporter, partner, "280530", flow, Period.Annual(2024), tonnes * 1000, 1, "EUR");

    private static TradeObservation Comtrade(string reporter, decimal tonnes, string partner = "EU27_2020", TradeFlow flow = TradeFlow.Export) =>
        new(reporter, partner, "280530", flow, Period.Annual(2024), tonnes * 1000, 1, "USD");

    [Fact]
    public void Compare_PerPartner_GapOfTheLargerSideFlaggedAboveAThird()
    {
        var gaps = MirrorCheckCalculator.Compare(
            [Comext("CN", 1000), Comext("MY", 900), Comext("RU", 300), Comext("DE", 5000), Comext("WORLD", 9999), Comext("US", 2, flow: TradeFlow.Export), Comext("CN", 50, reporter: "FR")],
            [Comtrade("CN", 950), Comtrade("MY", 400), Comtrade("VN", 200), Comtrade("RU", 300, partner: "US"), Comtrade("JP", 0.5m)]);

        // CN: |1000 - 950| / 1000 = 5%: the usual asymmetry.
        // MY: |900 - 400| / 900 = 55.6% > 33.3%: flagged, the EU saw more arrive than Malaysia declared leaving.
        // RU: 300 t imported, Russia reported no exports to the EU (its 300 t went to the US): 100%, flagged.
        // VN: 200 t declared by Viet Nam, none arrived by the EU's count: 100%, flagged.
        // JP: 0.5 t only, under the 1 t minimum: not flagged. DE (intra-EU), WORLD, exports and France's imports are not compared.
        Assert.Equal(
            ["CN 1000 950 0.05 False", "JP 0 0.5 1 False", "MY 900 400 0.556 True", "RU 300 0 1 True", "VN 0 200 1 True"],
            gaps.Select(g => $"{g.Partner} {g.ReportedImportsKg / 1000:0.##} {g.MirrorExportsKg / 1000:0.##} {Math.Round(g.RelativeGap, 3)} {g.Flagged}"));
        Assert.Equal(("imports", "exports"), (gaps.Single(g => g.Partner == "MY").LargerSide, gaps.Single(g => g.Partner == "VN").LargerSide));
    }

    [Theory]
    // 1.5 times the smaller: exactly a third of the larger, not above it
    [InlineData(1500, 1000, false)]
    [InlineData(1501, 1000, true)]
    public void Compare_AtTheThreshold_NotFlagged(double imports, double exports, bool flagged)
    {
        var gap = Assert.Single(MirrorCheckCalculator.Compare([Comext("CN", (decimal)imports)], [Comtrade("CN", (decimal)exports)]));

        Assert.Equal(flagged, gap.Flagged);
    }
}
