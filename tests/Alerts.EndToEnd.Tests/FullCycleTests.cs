using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Alerts.Cli.Demo;
using Alerts.Compute.Engine;
using Alerts.Evaluate.Breaches;
using Alerts.Functions.Compute;
using Alerts.Functions.Evaluate;
using Alerts.Functions.Pull;
using Alerts.Functions.Web;
using Alerts.Platform.Bus;
using Alerts.Pull.Statistics;
using Alerts.Route.NotificationLog;
using Alerts.Route.Notifications;
using Alerts.Route.Routing;
using Alerts.Route.Silences;
using Alerts.Route.Subscriptions;
using Alerts.TestKit.Pipeline;
using Alerts.TestKit.Samples;
using Microsoft.AspNetCore.Mvc;

namespace Alerts.EndToEnd.Tests;

/// <summary>
/// The whole cycle through the function classes on the local stack: timer pull -> <c>breaches</c> -> router ->
/// <c>notifications</c> -> a mail in the SMTP server and a card at the webhook listener; then a second pull
/// without new data notifies nothing.
/// </summary>
[Collection(PipelineCollection.Name)]
public sealed class FullCycleTests(PipelineStack p) : IClassFixture<PipelineStack>
{
    [Fact]
    public async Task Cycle_SampleData_DeliversMailAndCardThenNothingOnRepeat()
    {
        await p.SubscribeDemoAsync();

        await p.PullAsync();
        await p.RouteAsync();
        await p.DeliverAsync(Channels.Email);
        await p.DeliverAsync(Channels.Teams);

        // The published 2024 magnet share, computed independently from the sample file the replay server served.
        var expected = ExpectedMagnetShare();
        var mails = p.Stack.Smtp.Messages.Snapshot();
        var mail = Assert.Single(mails, m => m.Subject.StartsWith("[critical]", StringComparison.Ordinal) && m.Subject.Contains("rare-earth permanent magnets", StringComparison.Ordinal));
        Assert.Equal([DemoSubscriptions.Mailbox], mail.To);
        Assert.Contains("China supplies", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("above 65%", mail.Subject, StringComparison.Ordinal);
        Assert.Matches($@"China\s+{Regex.Escape(expected.ToString("0.0", CultureInfo.InvariantCulture))}%", mail.TextBody);
        Assert.Contains($"{expected.ToString("0.0", CultureInfo.InvariantCulture)}%", mail.HtmlBody, StringComparison.Ordinal);

        // Teams gets critical breaches only, one card per commodity group: magnets and gallium/germanium.
        var cards = p.Stack.Webhooks.Requests.Snapshot();
        Assert.Equal(2, cards.Count);
        foreach (var card in cards)
        {
            Assert.True(card.Body.Length < 20 * 1024, $"card is {card.Body.Length} bytes");
            using var doc = JsonDocument.Parse(card.Body);
            Assert.Equal("message", doc.RootElement.GetProperty("type").GetString());
            var attachment = Assert.Single(doc.RootElement.GetProperty("attachments").EnumerateArray());
            Assert.Equal("application/vnd.microsoft.card.adaptive", attachment.GetProperty("contentType").GetString());
            Assert.Equal(JsonValueKind.Null, attachment.GetProperty("contentUrl").ValueKind);
            var content = attachment.GetProperty("content");
            Assert.Equal("AdaptiveCard", content.GetProperty("type").GetString());
            Assert.True(double.Parse(content.GetProperty("version").GetString()!, CultureInfo.InvariantCulture) <= 1.4);
        }

        Assert.Contains(cards, c => c.Body.Contains($"{expected.ToString("0.0", CultureInfo.InvariantCulture)}%", StringComparison.Ordinal));

        // One story per series: the CRMA breach (critical) inhibits the series' HHI above 2,500 (warning) by default,
        // so the mail has one headline and one supplier table and no word of the warning.
        Assert.Single(Regex.Matches(mail.HtmlBody!, "<h2"));
        Assert.Single(Regex.Matches(mail.HtmlBody!, "<table"));
        Assert.DoesNotContain("HHI is ", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("/api/alerts", mail.HtmlBody, StringComparison.Ordinal);

        // The link in the mail opens the alert's web page for a signed-in person, and names the same alert as the
        // JSON API; the stored indices carry the same share.
        var fingerprint = Regex.Match(mail.TextBody!, @"/api/web/alerts/([0-9a-zA-Z%\-_.]+)").Groups[1].Value;
        var page = Assert.IsType<ContentResult>(await p.Function<WebAlertFunctions>().WebAlert(
            PipelineStack.Request("GET", $"/api/web/alerts/{fingerprint}", null, "analyst"), Uri.UnescapeDataString(fingerprint), CancellationToken.None));
        Assert.Equal(200, page.StatusCode);
        Assert.Contains("crma-single-country", page.Content, StringComparison.Ordinal);
        Assert.Contains("hhi-high", page.Content, StringComparison.Ordinal); // the other alert on the series
        Assert.Contains("/api/web/materials/rare-earths?", page.Content, StringComparison.Ordinal);
        var alert = Assert.IsType<AlertView>(Assert.IsType<OkObjectResult>(await p.Function<AlertFunctions>().GetAlert(
            PipelineStack.Request("GET", $"/api/alerts/{fingerprint}", null, null), Uri.UnescapeDataString(fingerprint), CancellationToken.None)).Value);
        Assert.Equal(("firing", "850511", "crma-single-country"), (alert.State, alert.Product, alert.RuleId));
        // The warning is still stored and firing, inhibited by the critical.
        var list = PipelineStack.Request("GET", "/api/alerts", null, null);
        list.QueryString = new Microsoft.AspNetCore.Http.QueryString("?state=firing");
        var firing = Assert.IsType<List<AlertView>>(Assert.IsType<OkObjectResult>(await p.Function<AlertFunctions>().ListAlerts(list, CancellationToken.None)).Value);
        var hhi = Assert.Single(firing, a => a.Product == "850511" && a.RuleId == "hhi-high" && a.Basis == "weight");
        Assert.Equal([alert.Fingerprint], hhi.InhibitedBy);
        var stored = Assert.IsAssignableFrom<IEnumerable<IndexSummary>>(Assert.IsType<OkObjectResult>(await p.Function<IndicesFunction>().GetIndices(
            PipelineStack.Request("GET", "/api/indices/850511", null, null), "850511", CancellationToken.None)).Value);
        Assert.Equal(expected / 100, Assert.Single(stored, i => i.Basis == "weight").Indices.Cr1, 12);

        // A second pull without new data: nothing recomputed, nothing routed, nothing delivered.
        var mailCount = mails.Count;
        await p.PullAsync();
        var routed = await p.Pipeline.Get<Route.Routing.RouteService>().RunAsync(CancellationToken.None);
        await p.DeliverAsync(Channels.Email);
        await p.DeliverAsync(Channels.Teams);
        Assert.Equal(0, routed.Received);
        Assert.Equal(mailCount, p.Stack.Smtp.Messages.Count);
        Assert.Equal(2, p.Stack.Webhooks.Requests.Count);
    }

    private static double ExpectedMagnetShare()
    {
        var data = TradeDataReader.ReadFile(SampleFiles.Get("comext/850511.json"));
        var latest = PeriodIndices.Compute(data.Observations, Basis.Weight).MaxBy(i => i.Period)!;
        Assert.Equal("CN", latest.Indices.TopSupplier);
        return latest.Indices.Cr1 * 100;
    }
}
