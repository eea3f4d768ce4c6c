using Alerts.Deliver.Charts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MimeKit;

namespace Alerts.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class AlertMailTests(BrowserApp app)
{
    [Fact]
    public async Task AlertMail_EmbedsTheTrendChartAsAnInlinePart_ThatItsHtmlReferences()
    {
        var mails = Directory.GetFiles(app.CaptureDirectory, "mail-*.eml").Select(f => MimeMessage.Load(f)).ToList();
        var mail = mails.FirstOrDefault(m => m.BodyParts.OfType<MimePart>().Any(p => p.ContentType.MimeType == "image/png"));
        Assert.True(mail is not null, $"none of the {mails.Count} alert mails has a chart");

        var html = mail!.HtmlBody ?? string.Empty;
        var chart = mail.BodyParts.OfType<MimePart>().First(p => p.ContentType.MimeType == "image/png");
        Assert.Contains($"src=\"cid:{chart.ContentId}\"", html, StringComparison.Ordinal);
        Assert.Matches("<img [^>]*alt=\"Line chart of [^\"]+\"", html);
        Assert.Contains("Trend: ", mail.TextBody, StringComparison.Ordinal); // the numbers also in text
        using var png = new MemoryStream();
        await chart.Content!.DecodeToAsync(png);
        await File.WriteAllBytesAsync(Path.Combine(app.Artifacts, "alert-email-chart.png"), png.ToArray());
        PageChecks.AssertChart(png.ToArray());

        // The mail as a mail client shows it (the inline part in place of its cid: reference), for the README.
        var (page, _) = await app.PageAsync();
        var shown = html.Replace("cid:" + chart.ContentId, "data:image/png;base64," + Convert.ToBase64String(png.ToArray()), StringComparison.Ordinal);
        await page.SetContentAsync($"<div style=\"font:13px sans-serif;color:#555;border-bottom:1px solid #ccc;padding:8px\">Subject: {System.Net.WebUtility.HtmlEncode(mail.Subject)}</div>" + shown);
        Assert.True(await page.Locator("img").First.EvaluateAsync<bool>("img => img.complete && img.naturalWidth === 720"));
        await app.ScreenshotAsync(page, "alert-email");
    }

    [Fact]
    public async Task ChartLink_Signed_IsServedWithoutSignIn_AndAnAlteredOneIsRefused()
    {
        var links = app.Host.Services.GetRequiredService<ChartLinks>();
        var url = links.Issue(new ChartRequest("EU27_2020", "850511", Alerts.Pull.Statistics.Basis.Weight, Alerts.Compute.Engine.IndexSelection.Published, ChartKind.Hhi));
        using var http = new HttpClient { BaseAddress = app.Host.BaseUrl }; // the link names PublicBaseUrl; the test host has its own port
        var path = url.PathAndQuery;

        var genuine = await http.GetAsync(path);
        var altered = await http.GetAsync(path.Replace("850511", "280530", StringComparison.Ordinal));

        Assert.Equal(System.Net.HttpStatusCode.OK, genuine.StatusCode);
        PageChecks.AssertChart(await genuine.Content.ReadAsByteArrayAsync());
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, altered.StatusCode);
    }
}
