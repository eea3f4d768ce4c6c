using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Alerts.Compute.Engine;
using Alerts.Compute.Series;
using Alerts.Compute.Store;
using Alerts.Deliver.Charts;
using Alerts.Deliver.Email;
using Alerts.Deliver.Rendering;
using Alerts.Deliver.Teams;
using Alerts.DevStack.Smtp;
using Alerts.DevStack.Webhooks;
using Alerts.Evaluate.Lifecycle;
using Alerts.Pull.Statistics;
using Alerts.Route.Notifications;
using Alerts.Route.Subscriptions;
using Alerts.TestKit.Events;
using Alerts.TestKit.Storage;
using AngleSharp.Html.Parser;
using MailKit.Security;
using MimeKit;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Alerts.Deliver.Tests.Rendering;

/// <summary>
/// The demo's magnet notification - the CRMA 65% breach (critical) and the HHI above 2,500 (warning) on the same
/// series and period - sent by the real notifiers to the real SMTP sink and webhook listener, with trend charts read
/// from stored indices in Azurite: one block (the critical headline, the HHI as a line, one supplier table, one
/// chart), and every link a person follows opening the web page, not the JSON API.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class SeriesBlockMessagesTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string BaseUrl = "https://alerts.example.com";
    private const string Recipient = "magnet.desk@supply-risk.example.com";
    private const string Headline = "China supplies 91.2% of EU imports of rare-earth permanent magnets (2024, by weight) - above 65%";
    private const string HhiLine = "[warning] HHI is 8,357 - above 2,500";

    private static readonly RenderingOptions Rendering = new() { PublicBaseUrl = BaseUrl };
    private static readonly FakeTimeProvider Time = new(TestNotifications.Now);

    private static readonly AlertEvent Crma = TestEvents.Event(fingerprint: "fp-magnets-crma", previousValue: 0.88);
    private static readonly AlertEvent Hhi = TestEvents.Event(fingerprint: "fp-magnets-hhi", ruleId: "hhi-2500", severity: "warning", metric: "hhi", value: 8356.88, threshold: 2500, previousValue: 7744);

    private SmtpSink _smtp = null!;
    private WebhookListener _webhooks = null!;
    private AlertCharts _charts = null!;

    public async Task InitializeAsync()
    {
        _smtp = await SmtpSink.StartAsync();
        _webhooks = await WebhookListener.StartAsync();
        var account = await azurite.CreateAccountAsync();
        var indices = new IndicesStore(account);
        var series = new SeriesKey(Crma.Reporter, Crma.Commodity, TradeFlow.Import);
        await indices.UpsertAsync(
            [Row(series, "2022", 850, 150), Row(series, "2023", 880, 120), Row(series, "2024", 912, 88)], "2025-04", "run-1", CancellationToken.None);
        _charts = new AlertCharts(new TrendReader(indices), new ChartLinks(Options.Create(Keys()), Options.Create(Rendering), Time), new FakeLogger<AlertCharts>());
    }

    public async Task DisposeAsync()
    {
        await _smtp.DisposeAsync();
        await _webhooks.DisposeAsync();
    }

    [Fact]
    public async Task Mail_TwoAlertsOfOneSeries_OneBlockWithTheCriticalHeadlineTheHhiAsALineOneTableAndOneChart()
    {
        var mail = await SendMailAsync(Hhi, Crma); // in the group's order, not the display order

        Assert.Equal("[critical] " + Headline + " (+1 more)", mail.Subject);
        var html = new HtmlParser().ParseDocument(mail.HtmlBody!);
        var headline = Assert.Single(html.QuerySelectorAll("h2"));
        Assert.Equal("[critical] " + Headline, headline.TextContent);
        var line = Assert.Single(html.QuerySelectorAll("li"));
        Assert.Equal(HhiLine + ", previously 7,744; rule: Rule hhi-2500 (hhi-2500) - view", line.TextContent);
        var table = Assert.Single(html.QuerySelectorAll("table"));
        Assert.Equal(["China", "Japan", "United States"], table.QuerySelectorAll("tbody tr").Select(r => r.QuerySelector("td")!.TextContent));
        var image = Assert.Single(html.QuerySelectorAll("img"));
        var part = Assert.Single(mail.Message.BodyParts.OfType<MimePart>(), p => p.ContentType.MimeType == "image/png");
        Assert.Equal("cid:" + part.ContentId, image.GetAttribute("src"));
        Assert.StartsWith("Line chart of the top supplier's share", image.GetAttribute("alt"), StringComparison.Ordinal); // the critical one's chart: shares, not HHI

        // The text part tells the same story once.
        Assert.Single(Regex.Matches(mail.TextBody!, "Top suppliers:"));
        Assert.Single(Regex.Matches(mail.TextBody!, Regex.Escape(Headline)));
        Assert.Contains("  Also " + HhiLine, mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mail_EveryLinkOpensTheWebPage_ExceptTheSignedUnsubscribe()
    {
        var mail = await SendMailAsync(Crma, Hhi);

        var links = new HtmlParser().ParseDocument(mail.HtmlBody!).QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Equal(3, links.Count);
        Assert.Equal($"{BaseUrl}/api/web/alerts/fp-magnets-crma", links.Single(l => l.EndsWith("crma", StringComparison.Ordinal)));
        Assert.Equal($"{BaseUrl}/api/web/alerts/fp-magnets-hhi", links.Single(l => l.EndsWith("hhi", StringComparison.Ordinal)));
        Assert.Single(links, l => l.StartsWith($"{BaseUrl}/api/links/subscriptions/sub-1/unsubscribe?token=", StringComparison.Ordinal));
        foreach (var text in Regex.Matches(mail.TextBody!, @"https?://\S+").Select(m => m.Value))
        {
            Assert.True(text.StartsWith($"{BaseUrl}/api/web/", StringComparison.Ordinal) || text.Contains("/unsubscribe?token=", StringComparison.Ordinal), text);
        }

        Assert.DoesNotContain("/api/alerts", mail.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("/api/alerts", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Card_TwoAlertsOfOneSeries_OneContainerWithTheCriticalHeadlineTheHhiAsALineOneSupplierColumnSet()
    {
        var body = (await SendCardAsync(Hhi, Crma))["body"]!.AsArray();

        var container = Assert.Single(body, b => (string?)b!["type"] == "Container")!;
        var items = container["items"]!.AsArray();
        Assert.Equal(Headline, (string?)items[0]!["text"]);
        Assert.Equal("Attention", (string?)items[0]!["color"]);
        var lines = items.Where(i => (string?)i!["type"] == "TextBlock").Skip(1).Select(i => (string)i!["text"]!).ToList();
        var line = Assert.Single(lines);
        Assert.Equal($@"\[warning\] HHI is 8,357 - above 2,500, previously 7,744; rule: Rule hhi-2500 (hhi-2500) [View]({BaseUrl}/api/web/alerts/fp-magnets-hhi)", line);
        var suppliers = Assert.Single(items, i => (string?)i!["type"] == "ColumnSet")!;
        Assert.Equal(["China", "Japan", "United States"], suppliers["columns"]![0]!["items"]!.AsArray().Select(t => (string)t!["text"]!));
        Assert.Single(body, b => (string?)b!["type"] == "Image");
    }

    [Fact]
    public async Task Card_EveryLinkOpensTheWebPage_ExceptTheSignedChartImage()
    {
        var card = await SendCardAsync(Crma, Hhi);

        var urls = Urls(card).ToList();
        var image = Assert.Single(urls, u => u.Contains("/api/charts/", StringComparison.Ordinal));
        Assert.Matches($"^{Regex.Escape(BaseUrl)}/api/charts/trend\\.png\\?.*&expires=\\d+&sig=[A-Za-z0-9_-]+$", image);
        var people = urls.Where(u => u != image).ToList();
        Assert.All(people, u => Assert.StartsWith($"{BaseUrl}/api/web/", u, StringComparison.Ordinal));
        Assert.Contains($"{BaseUrl}/api/web/alerts/fp-magnets-crma", people); // the container and the "Open first alert" button
        Assert.Contains($"{BaseUrl}/api/web/alerts/fp-magnets-hhi", people); // the HHI line's own link
        Assert.Contains($"{BaseUrl}/api/web/subscriptions/sub-1/edit", people); // manage: the button and the footer
        Assert.DoesNotContain("/api/alerts", card.ToJsonString(), StringComparison.Ordinal);
    }

    // Every URL a card carries: url properties (actions, select actions, images) and markdown links in texts.
    private static IEnumerable<string> Urls(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (name, value) in o)
                {
                    if (name == "url" && value is JsonValue v && v.TryGetValue<string>(out var url))
                    {
                        yield return url;
                    }
                    else if (name == "text" && value is JsonValue t && t.TryGetValue<string>(out var text))
                    {
                        foreach (Match m in Regex.Matches(text, @"(?<!\\)\]\((?<url>[^)\s]+)\)"))
                        {
                            yield return m.Groups["url"].Value;
                        }
                    }
                    else
                    {
                        foreach (var inner in Urls(value))
                        {
                            yield return inner;
                        }
                    }
                }

                break;
            case JsonArray a:
                foreach (var inner in a.SelectMany(Urls))
                {
                    yield return inner;
                }

                break;
        }
    }

    private async Task<ReceivedMail> SendMailAsync(params AlertEvent[] events)
    {
        var options = new EmailOptions { Host = "127.0.0.1", Port = _smtp.Port, From = "alerts@alerts.example.com", Security = SecureSocketOptions.None, Timeout = TimeSpan.FromSeconds(10) };
        var links = new SubscriptionLinks(Rendering, new SubscriptionTokens(Options.Create(Keys())));
        var notifier = new EmailNotifier(Options.Create(options), new EmailRenderer(Rendering), Time, new FakeLogger<EmailNotifier>(), links, _charts);

        var outcome = await notifier.SendAsync(TestNotifications.For(Channels.Email, Recipient, events), CancellationToken.None);

        Assert.Equal(DeliveryStatus.Delivered, outcome.Status);
        return Assert.Single(await _smtp.Messages.WaitForCountAsync(1, TimeSpan.FromSeconds(10)));
    }

    private async Task<JsonObject> SendCardAsync(params AlertEvent[] events)
    {
        var options = new TeamsOptions { AllowInsecureLoopback = true };
        var policy = options.ToPolicy();
        using var http = new HttpClient(new WebhookConnector(policy).CreateHandler());
        var notifier = new TeamsNotifier(http, policy, new TeamsCardRenderer(Rendering), Options.Create(options), Time, new FakeLogger<TeamsNotifier>(), _charts);

        var outcome = await notifier.SendAsync(TestNotifications.For(Channels.Teams, _webhooks.UrlFor("workflows/magnets").ToString(), events), CancellationToken.None);

        Assert.Equal(DeliveryStatus.Delivered, outcome.Status);
        var request = Assert.Single(await _webhooks.Requests.WaitForCountAsync(1, TimeSpan.FromSeconds(10)));
        return JsonNode.Parse(request.Body)!["attachments"]![0]!["content"]!.AsObject();
    }

    private static SeriesIndices Row(SeriesKey series, string period, decimal china, decimal rest) =>
        new(series, Basis.Weight, Period.Parse(period), ConcentrationCalculator.Compute([new SupplierAmount("CN", china), new SupplierAmount("JP", rest)]), Crma.CommodityName);

    private static SubscriptionTokenOptions Keys()
    {
        var keys = new SubscriptionTokenOptions();
        keys.SigningKeys.Add("test-signing-key-of-at-least-32-characters");
        return keys;
    }
}
