using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using SkiaSharp;

namespace Alerts.Browser.Tests;

/// <summary>What every page and chart must satisfy: no serious accessibility violation, no script error, a real picture.</summary>
public static class PageChecks
{
    /// <summary>axe-core on the loaded page: no violation of impact serious or critical (each named with its nodes).</summary>
    public static async Task AssertAccessibleAsync(IPage page)
    {
        AxeResult result = await page.RunAxe();
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, string.Join("\n", serious.Select(v =>
            $"{v.Impact} {v.Id}: {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")));
    }

    /// <summary>
    /// A PNG chart of the expected size that is not blank: many colours, a fair part of the pixels drawn, and the
    /// benchmark line's colour (the dashed 65% or 2,500 line, #D55E00) present.
    /// </summary>
    public static void AssertChart(byte[] png, int width = 720, int height = 360)
    {
        Assert.True(png.Length > 5_000, $"chart is only {png.Length} bytes");
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, png[..4]);
        using var bitmap = SKBitmap.Decode(png);
        Assert.Equal(width, bitmap.Width);
        Assert.Equal(height, bitmap.Height);
        var colours = new HashSet<uint>();
        int drawn = 0, limit = 0;
        for (var y = 0; y < bitmap.Height; y += 2)
        {
            for (var x = 0; x < bitmap.Width; x += 2)
            {
                var c = bitmap.GetPixel(x, y);
                colours.Add((uint)c);
                if (c.Red < 240 || c.Green < 240 || c.Blue < 240)
                {
                    drawn++;
                }

            }
        }

        // The benchmark line is 2 px high and dashed: look at every pixel for it.
        for (var y = 0; y < bitmap.Height; y++)
        {
            for (var x = 0; x < bitmap.Width; x++)
            {
                var c = bitmap.GetPixel(x, y);
                if (Math.Abs(c.Red - 0xD5) < 40 && Math.Abs(c.Green - 0x5E) < 40 && c.Blue < 60)
                {
                    limit++;
                }
            }
        }

        Assert.True(colours.Count > 20, $"chart has only {colours.Count} colours");
        Assert.True(drawn > bitmap.Width * bitmap.Height / 4 / 50, $"chart has only {drawn} drawn pixels (of every 4th)");
        Assert.True(limit > 200, $"chart shows no benchmark line ({limit} pixels of its colour)");
    }
}
