using Microsoft.Playwright;

namespace Alerts.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class MaterialPageTests(BrowserApp app)
{
    [Fact]
    public async Task Material_ShowsTheTrendChartWithItsPointsAndThe65Line()
    {
        var (page, errors) = await app.PageAsync();
        await page.GotoAsync(app.Url(string.Empty));

        await page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Rare earth") }).ClickAsync();

        await page.WaitForURLAsync("**/materials/rare-earths**");
        var chart = page.Locator("#chart-share");
        await Assertions.Expect(chart).ToBeVisibleAsync();
        Assert.True(await chart.EvaluateAsync<bool>("img => img.complete && img.naturalWidth === 720"), "the share chart did not load");
        Assert.Contains("65% line", await chart.GetAttributeAsync("alt"));
        // The points: one row per period in the numbers beside the chart, the newest above 65%.
        var points = page.Locator("#trend tbody tr");
        Assert.True(await points.CountAsync() >= 3, "too few periods in the trend");
        Assert.Contains("over", await points.First.Locator("td").Nth(1).GetAttributeAsync("class")); // the share cell
        Assert.True(await page.Locator("#suppliers tbody tr").CountAsync() >= 2);
        Assert.True(await page.Locator("#firing-alerts tbody tr").CountAsync() >= 1);

        // The image itself: the size the page says, not blank, with the dashed 65% line drawn.
        var src = await chart.GetAttributeAsync("src");
        var png = await page.APIRequest.GetAsync(new Uri(app.Host.BaseUrl, src).ToString());
        Assert.Equal("image/png", png.Headers["content-type"]);
        PageChecks.AssertChart(await png.BodyAsync());
        await PageChecks.AssertAccessibleAsync(page);
        await app.ScreenshotAsync(page, "material-rare-earths");
        Assert.Empty(errors);
    }
}
