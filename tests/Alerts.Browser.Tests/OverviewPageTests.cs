using System.Net;
using Alerts.Pull.Catalog;
using Microsoft.Playwright;

namespace Alerts.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class OverviewPageTests(BrowserApp app)
{
    [Fact]
    public async Task Overview_ListsEveryCatalogMaterial_SortsByShareAndPassesAxe()
    {
        var (page, errors) = await app.PageAsync();

        var response = await page.GotoAsync(app.Url(string.Empty));

        Assert.Equal((int)HttpStatusCode.OK, response!.Status);
        var rows = page.Locator("#materials tbody tr");
        Assert.Equal(CommodityCatalog.Default.Commodities.Count, await rows.CountAsync());
        // Rare-earth magnets are pulled with the sample data: China's share above the 65% line, marked, and firing.
        var rareEarths = page.Locator("tr[data-material='rare-earths']");
        Assert.Contains("China", await rareEarths.InnerTextAsync());
        Assert.Equal(1, await rareEarths.Locator("td.over").First.CountAsync());
        Assert.Contains("firing", await rareEarths.Locator(".state").InnerTextAsync());
        // Every material of the catalog is pulled by default (issue 16): each row says its state.
        foreach (var state in await page.Locator("#materials tbody tr .state").AllInnerTextsAsync())
        {
            Assert.Contains(state.Trim(), new[] { "firing", "pending", "ok", "no data" });
        }
        await PageChecks.AssertAccessibleAsync(page);
        await app.ScreenshotAsync(page, "overview");

        // Sort by share, by keyboard: the highest share comes first and the header says so.
        var shareHeader = page.Locator("th a.sort", new() { HasText = "Top-supplier share" });
        await shareHeader.FocusAsync();
        Assert.Equal("Top-supplier share (sort descending)", (await page.EvaluateAsync<string>("() => document.activeElement.textContent")).Trim());
        var sorted = await page.GotoAsync(new Uri(new Uri(page.Url), await shareHeader.GetAttributeAsync("href")).ToString());
        Assert.Equal((int)HttpStatusCode.OK, sorted!.Status);
        Assert.Equal("descending", await page.Locator("th[aria-sort]").GetAttributeAsync("aria-sort"));
        var first = await page.Locator("#materials tbody tr").First.GetAttributeAsync("data-material");
        Assert.Equal("boron", first); // borates: Turkiye 99% (DOMAIN.md), the highest of the 17 materials' shares

        // Filter by stage: only ore series speak for a material, so rare-earth magnets (downstream) drop out.
        var magnets = await page.Locator("tr[data-material='rare-earths']").InnerTextAsync();
        await page.Locator("#stage").SelectOptionAsync("ore");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        await page.WaitForURLAsync("**stage=ore**");
        Assert.NotEqual(magnets, await page.Locator("tr[data-material='rare-earths']").InnerTextAsync());
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Overview_WithoutSignIn_IsTheSignInPage()
    {
        using var http = new HttpClient();

        var response = await http.GetAsync(app.Host.WebUrl);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("Sign in", await response.Content.ReadAsStringAsync());
        Assert.Contains("default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
    }
}
