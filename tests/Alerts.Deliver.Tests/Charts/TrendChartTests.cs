using Alerts.Compute.Engine;
using Alerts.Deliver.Charts;
using Alerts.Pull.Statistics;
using SkiaSharp;

namespace Alerts.Deliver.Tests.Charts;

public sealed class TrendChartTests
{
    private static readonly TrendSeries Magnets = new("EU27_2020", "850511", "Rare-earth magnets", Basis.Weight, IndexSelection.Published,
    [
        new(Period.Annual(2021), 0.60, 0.80, 4000, "CN"),
        new(Period.Annual(2022), 0.66, 0.85, 4600, "CN"),
        new(Period.Annual(2023), 0.71, 0.90, 5300, "CN", Revised: true),
    ]);

    [Theory]
    [InlineData(ChartKind.Share)]
    [InlineData(ChartKind.Hhi)]
    public void RenderPng_ASeries_IsAPngOfTheSizeWithLinesAndTheBenchmark(ChartKind kind)
    {
        var png = TrendChart.RenderPng(Magnets, kind, 640, 320);

        using var bitmap = SKBitmap.Decode(png);
        Assert.Equal((640, 320), (bitmap.Width, bitmap.Height));
        var (colours, benchmark, series) = Count(bitmap);
        Assert.True(colours > 20, $"{colours} colours: blank?");
        Assert.True(benchmark > 200, $"{benchmark} pixels of the dashed benchmark line");
        Assert.True(series > 200, $"{series} pixels of the series line");
    }

    [Fact]
    public void RenderPng_NoPoints_StillAChartSayingSo()
    {
        var png = TrendChart.RenderPng(Magnets with { Points = [] }, ChartKind.Share);

        using var bitmap = SKBitmap.Decode(png);
        Assert.Equal((TrendChart.DefaultWidth, TrendChart.DefaultHeight), (bitmap.Width, bitmap.Height));
        Assert.Equal("Chart of Rare-earth magnets imports by weight: no data stored.", TrendChart.AltText(Magnets with { Points = [] }, ChartKind.Share));
    }

    [Fact]
    public void AltTextAndNumbers_SayWhatTheChartShows()
    {
        Assert.Equal(
            "Line chart of the top supplier's share of EU imports of Rare-earth magnets by weight, 2021 to 2023: from 60% to 71%, against the CRMA's 65% line.",
            TrendChart.AltText(Magnets, ChartKind.Share));
        Assert.Equal(["2022: 66% (CN), top 3 85%", "2023: 71% (CN), top 3 90% (revised)"], TrendChart.Numbers(Magnets, ChartKind.Share, max: 2));
        Assert.Equal(["2023: HHI 5,300"], TrendChart.Numbers(Magnets, ChartKind.Hhi, max: 1));
    }

    [Theory]
    [InlineData("hhi", ChartKind.Hhi)] // the HHI and its changes
    [InlineData("hhiChangeFromYearAgo", ChartKind.Hhi)]
    [InlineData("cr1", ChartKind.Share)] // shares and anything else
    [InlineData("crmaImportShare", ChartKind.Share)]
    [InlineData("entropy", ChartKind.Share)]
    public void ForMetric_PicksTheChartOfTheMetric(string metric, ChartKind expected) =>
        Assert.Equal(expected, ChartKinds.ForMetric(metric));

    private static (int Colours, int Benchmark, int Series) Count(SKBitmap bitmap)
    {
        var colours = new HashSet<uint>();
        int benchmark = 0, series = 0;
        for (var y = 0; y < bitmap.Height; y++)
        {
            for (var x = 0; x < bitmap.Width; x++)
            {
                var c = bitmap.GetPixel(x, y);
                colours.Add((uint)c);
                benchmark += Near(c, 0xD5, 0x5E, 0x00) ? 1 : 0;
                series += Near(c, 0x00, 0x72, 0xB2) ? 1 : 0;
            }
        }

        return (colours.Count, benchmark, series);
    }

    private static bool Near(SKColor c, int r, int g, int b) => Math.Abs(c.Red - r) < 40 && Math.Abs(c.Green - g) < 40 && Math.Abs(c.Blue - b) < 40;
}
