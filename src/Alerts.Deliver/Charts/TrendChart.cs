using System.Globalization;
using ScottPlot;

namespace Alerts.Deliver.Charts;

/// <summary>
/// Draws a series' trend as a PNG with ScottPlot: the top supplier's and the top three suppliers' shares against the
/// CRMA's 65% line, or the HHI against 2,500. The page, the alert mail and the Teams card all show this chart.
/// </summary>
public static class TrendChart
{
    /// <summary>The CRMA benchmark (Regulation (EU) 2024/1252, Art. 5): no third country above 65%.</summary>
    public const double CrmaShareLimit = 0.65;

    /// <summary>"Highly concentrated" in the US 2010 merger guidelines, the default <c>hhi-high</c> rule.</summary>
    public const double HighHhi = 2500;

    public const int DefaultWidth = 720;
    public const int DefaultHeight = 360;

    // Okabe-Ito colours: told apart with the common colour-vision deficiencies; the 65% line is also dashed.
    private static readonly Color TopColour = Color.FromHex("#0072B2");
    private static readonly Color NextColour = Color.FromHex("#E69F00");
    private static readonly Color LimitColour = Color.FromHex("#D55E00");

    /// <summary>The chart as PNG bytes; a series without points gives a chart that says so.</summary>
    public static byte[] RenderPng(TrendSeries series, ChartKind kind, int width = DefaultWidth, int height = DefaultHeight)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 200);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 120);
        var plot = new Plot();
        plot.Title(series.Name + " - " + (kind == ChartKind.Hhi ? "HHI" : "third-country shares") + ", " + series.Measure, size: 14);
        var xs = Enumerable.Range(0, series.Points.Count).Select(i => (double)i).ToArray();
        if (kind == ChartKind.Share)
        {
            Line(plot, xs, series.Points.Select(p => p.Cr1 * 100).ToArray(), TopColour, "Top supplier");
            Line(plot, xs, series.Points.Select(p => p.Cr3 * 100).ToArray(), NextColour, "Top 3 suppliers");
            Limit(plot, CrmaShareLimit * 100, "CRMA 65%");
            plot.Axes.SetLimitsY(0, 100);
            plot.YLabel("% of extra-EU imports");
        }
        else
        {
            var hhi = series.Points.Select(p => p.Hhi).ToArray();
            Line(plot, xs, hhi, TopColour, "HHI");
            Limit(plot, HighHhi, "2,500 (highly concentrated)");
            plot.Axes.SetLimitsY(0, Math.Max(10000, hhi.DefaultIfEmpty(0).Max()));
            plot.YLabel("HHI (0-10,000)");
        }

        if (xs.Length == 0)
        {
            plot.Add.Text("No data stored for this series", 0, kind == ChartKind.Share ? 50 : 5000);
            plot.Axes.SetLimitsX(-1, 1);
        }
        else
        {
            Ticks(plot, series.Points);
            plot.Axes.SetLimitsX(-0.5, xs.Length - 0.5);
        }

        plot.ShowLegend(Alignment.LowerLeft);
        return plot.GetImageBytes(width, height, ImageFormat.Png);
    }

    /// <summary>What the chart shows, for the image's alt text.</summary>
    public static string AltText(TrendSeries series, ChartKind kind)
    {
        ArgumentNullException.ThrowIfNull(series);
        if (series.Points.Count == 0)
        {
            return $"Chart of {series.Name} imports {series.Measure}: no data stored.";
        }

        var first = series.Points[0];
        var last = series.Points[^1];
        return kind == ChartKind.Hhi
            ? $"Line chart of the HHI of EU imports of {series.Name} {series.Measure}, {first.Period} to {last.Period}: from {Hhi(first.Hhi)} to {Hhi(last.Hhi)}, against the 2,500 line."
            : $"Line chart of the top supplier's share of EU imports of {series.Name} {series.Measure}, {first.Period} to {last.Period}: from {Percent(first.Cr1)} to {Percent(last.Cr1)}, against the CRMA's 65% line.";
    }

    /// <summary>The chart's numbers as text, one entry per period (the latest <paramref name="max"/>): "2024: 71% (CN)".</summary>
    public static IReadOnlyList<string> Numbers(TrendSeries series, ChartKind kind, int max = 6)
    {
        ArgumentNullException.ThrowIfNull(series);
        return [.. series.Points.TakeLast(max).Select(p => kind == ChartKind.Hhi
            ? $"{p.Period}: HHI {Hhi(p.Hhi)}"
            : $"{p.Period}: {Percent(p.Cr1)}" + (p.TopSupplier is null ? string.Empty : $" ({p.TopSupplier})") + $", top 3 {Percent(p.Cr3)}"
            + (p.Revised ? " (revised)" : string.Empty))];
    }

    public static string Percent(double fraction) => (fraction * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";

    public static string Hhi(double hhi) => hhi.ToString("#,0", CultureInfo.InvariantCulture);

    private static void Line(Plot plot, double[] xs, double[] ys, Color colour, string label)
    {
        var line = plot.Add.Scatter(xs, ys);
        line.Color = colour;
        line.LineWidth = 2;
        line.MarkerSize = 6;
        line.LegendText = label;
    }

    private static void Limit(Plot plot, double y, string label)
    {
        var line = plot.Add.HorizontalLine(y);
        line.Color = LimitColour;
        line.LineWidth = 2;
        line.LinePattern = LinePattern.Dashed;
        line.LegendText = label;
    }

    // One label per period, thinned so at most about twelve show (every label stays in the text and the table).
    private static void Ticks(Plot plot, IReadOnlyList<TrendPoint> points)
    {
        var step = Math.Max(1, (int)Math.Ceiling(points.Count / 12d));
        var positions = new List<double>();
        var labels = new List<string>();
        for (var i = points.Count - 1; i >= 0; i -= step)
        {
            positions.Insert(0, i);
            labels.Insert(0, points[i].Period.ToString() + (points[i].Revised ? "*" : string.Empty));
        }

        plot.Axes.Bottom.SetTicks([.. positions], [.. labels]);
    }
}
