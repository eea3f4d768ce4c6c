using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MimeKit;

namespace Alerts.Browser.Tests;

/// <summary>The alert page: where "View the alert" in a mail takes a signed-in person.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AlertPageTests(BrowserApp app)
{
    [Fact]
    public async Task MailLink_OpensTheAlertPage_WithItsHistoryTheOtherAlertOnTheSeriesAndItsMaterial()
    {
        var mails = Directory.GetFiles(app.CaptureDirectory, "mail-*.eml").Select(f => MimeMessage.Load(f)).ToList();
        var magnets = mails.FirstOrDefault(m => m.Subject is { } subject && subject.Contains("rare-earth permanent magnets", StringComparison.Ordinal) && subject.StartsWith("[critical]", StringComparison.Ordinal));
        Assert.True(magnets is not null, $"none of the {mails.Count} mails is the magnet breach");
        var links = Regex.Matches(magnets!.HtmlBody ?? string.Empty, "href=\"([^\"]+)\"").Select(m => new Uri(m.Groups[1].Value)).ToList();
        Assert.All(links, l => Assert.Matches("^/api/(web/|links/subscriptions/[^/]+/unsubscribe$)", l.AbsolutePath));
        var view = links.Last(l => l.AbsolutePath.StartsWith("/api/web/alerts/", StringComparison.Ordinal)); // the block's own "View the alert"

        var (page, errors) = await app.PageAsync();
        var response = await page.GotoAsync(new Uri(app.Host.BaseUrl, view.PathAndQuery).ToString()); // the mail names PublicBaseUrl; the test host has its own port

        Assert.Equal(200, response!.Status);
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("rare-earth permanent magnets");
        await Assertions.Expect(page.Locator("#alert-summary")).ToContainTextAsync("critical");
        await Assertions.Expect(page.Locator("#alert-facts")).ToContainTextAsync("crma-single-country");
        Assert.True(await page.Locator("#alerted-periods tbody tr").CountAsync() >= 1);
        var other = page.Locator("#series-alerts a", new() { HasTextString = "hhi-high" });
        await Assertions.Expect(other).ToHaveCountAsync(1);
        await PageChecks.AssertAccessibleAsync(page);
        await app.ScreenshotAsync(page, "alert-magnets");

        await page.Locator("a.material-link").First.ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/api/web/materials/rare-earths\?.*series=850511"));
        await Assertions.Expect(page.Locator("#firing-alerts")).ToContainTextAsync("crma-single-country");

        // And back: the material's alert history links each alert to its own page, this one to the page the mail opened.
        var back = page.Locator($"#alert-history a[href=\"{view.AbsolutePath}\"]");
        await Assertions.Expect(back).ToHaveCountAsync(1);
        await Assertions.Expect(back).ToHaveTextAsync("crma-single-country");
        await back.ClickAsync();
        await page.WaitForURLAsync(new Regex(Regex.Escape(view.AbsolutePath) + "$"));
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("rare-earth permanent magnets");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task UnknownFingerprint_NotFoundPage()
    {
        var (page, _) = await app.PageAsync();

        var response = await page.GotoAsync(app.Url("/alerts/0123456789abcdef0123456789abcdef"));

        Assert.Equal(404, response!.Status);
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("There is no alert '0123456789abcdef0123456789abcdef'.");
    }
}
