using System.Net;
using System.Text.RegularExpressions;
using Alerts.Cli.Serve;
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

        // Pending and no data come from the alerts table as the lifecycle stores them (seeded: the sample data has neither).
        Assert.Equal("pending", (await page.Locator($"tr[data-material='{app.Seeded.PendingMaterial}'] .state").InnerTextAsync()).Trim());
        Assert.Equal("no data", (await page.Locator($"tr[data-material='{app.Seeded.NoDataMaterial}'] .state").InnerTextAsync()).Trim());
        await PageChecks.AssertAccessibleAsync(page);
        await app.ScreenshotAsync(page, "overview");

        // Sort by share, by keyboard: the highest share comes first and the header says so.
        var shareHeader = page.Locator("th a.sort", new() { HasText = "Top-supplier share" });
        await shareHeader.FocusAsync();
        Assert.Equal("Top-supplier share (sort descending)", (await page.EvaluateAsync<string>("() => document.activeElement.textContent")).Trim());
        // A real Enter on the focused link. Waited for by the address, which Expect polls: WaitForURLAsync started after the
        // key press could miss the load of a navigation already in flight (the press returns once the response is in) and
        // time out although the sorted page was shown.
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("[?&]sort=share(&|$)"));
        await Assertions.Expect(page.Locator("th[aria-sort]")).ToHaveAttributeAsync("aria-sort", "descending");
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
    public async Task Pages_WithoutSignIn_SendABrowserToSignInAndBack_OthersGet401()
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var page = new Uri(app.Host.WebUrl + "/materials/boron?reporter=EU27_2020&basis=value");

        using var browser = new HttpRequestMessage(HttpMethod.Get, page);
        browser.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        var redirected = await http.SendAsync(browser);
        using var script = new HttpRequestMessage(HttpMethod.Get, page);
        script.Headers.Accept.ParseAdd("application/json");
        var refused = await http.SendAsync(script);
        using var post = new HttpRequestMessage(HttpMethod.Post, app.Host.WebUrl + "/admin/recalculations") { Content = new FormUrlEncodedContent([new("commodity", "boron")]) };
        post.Headers.Accept.ParseAdd("text/html");
        var posted = await http.SendAsync(post);
        using var api = new HttpRequestMessage(HttpMethod.Get, new Uri(app.Host.ApiBaseUrl, "subscriptions"));
        api.Headers.Accept.ParseAdd("text/html");
        api.Headers.Add(FunctionKeys.HeaderName, app.Host.Keys.FunctionKey);
        var apiAnswer = await http.SendAsync(api);

        Assert.Equal(HttpStatusCode.Redirect, redirected.StatusCode);
        Assert.Equal("/.auth/login/aad?post_login_redirect_uri=" + Uri.EscapeDataString("/api/web/materials/boron?reporter=EU27_2020&basis=value"),
            redirected.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, posted.StatusCode); // a form post is not redirected (nor acted on)
        Assert.Equal(HttpStatusCode.Unauthorized, apiAnswer.StatusCode); // the API keeps answering 401, whatever it accepts
        Assert.Equal("application/problem+json", apiAnswer.Content.Headers.ContentType!.MediaType);
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
