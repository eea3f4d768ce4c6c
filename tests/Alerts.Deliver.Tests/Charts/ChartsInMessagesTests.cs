using System.Text.Json.Nodes;
using Alerts.Deliver.Charts;
using Alerts.Deliver.Email;
using Alerts.Deliver.Rendering;
using Alerts.Deliver.Teams;
using Alerts.Route.Notifications;
using Alerts.TestKit.Events;

namespace Alerts.Deliver.Tests.Charts;

/// <summary>Where the renderers put a notification's trend charts: inline in the mail, by signed URL in the card.</summary>
public sealed class ChartsInMessagesTests
{
    private static readonly RenderingOptions Options = new() { PublicBaseUrl = "https://alerts.example.com" };

    [Fact]
    public void EmailRender_WithAChartOfTheAlertsSeries_ImgNamesTheInlinePartWithAltTextAndTheNumbersInBothParts()
    {
        var breach = TestNotifications.Breach();
        var chart = new InlineChart(AlertCharts.RequestFor(breach), "chart-1@alerts", [1, 2, 3], null, "Line chart of <magnets> & more", ["2023: 88% (CN)", "2024: 91.2% (CN)"]);

        var content = new EmailRenderer(Options).Render(TestNotifications.For(Channels.Email, "a@example.eu", breach), [chart]);

        Assert.Contains("<img src=\"cid:chart-1@alerts\" alt=\"Line chart of &lt;magnets&gt; &amp; more\"", content.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Trend: 2023: 88% (CN); 2024: 91.2% (CN)", content.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("  Trend: 2023: 88% (CN); 2024: 91.2% (CN)\n", content.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void EmailRender_AChartOfAnotherSeries_IsNotShown()
    {
        var breach = TestNotifications.Breach();
        var other = new InlineChart(AlertCharts.RequestFor(breach) with { Product = "280530" }, "chart-1@alerts", [1], null, "alt", ["n"]);

        var content = new EmailRenderer(Options).Render(TestNotifications.For(Channels.Email, "a@example.eu", breach), [other]);

        Assert.DoesNotContain("cid:", content.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Trend:", content.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void TeamsRender_WithAChartLink_AnImageWithAltTextAndTheNumbersUnderTheTitle()
    {
        var breach = TestNotifications.Breach();
        var url = new Uri("https://alerts.example.com/api/charts/trend.png?reporter=EU27_2020&product=85051110&expires=1&sig=abc");
        var chart = new InlineChart(AlertCharts.RequestFor(breach), null, [], url, "Line chart of magnets", ["2024: 91.2% (CN)"]);

        var json = new TeamsCardRenderer(Options).Render(TestNotifications.For(Channels.Teams, "https://example.logic.azure.com/x", breach), [chart]);

        var body = JsonNode.Parse(json)!["attachments"]![0]!["content"]!["body"]!.AsArray();
        Assert.Equal("Image", (string?)body[1]!["type"]);
        Assert.Equal(url.AbsoluteUri, (string?)body[1]!["url"]);
        Assert.Equal("Line chart of magnets", (string?)body[1]!["altText"]);
        Assert.Equal("Trend: 2024: 91.2% (CN)", (string?)body[2]!["text"]);
    }
}
