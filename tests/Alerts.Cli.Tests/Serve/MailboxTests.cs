using System.Net;
using MimeKit;

namespace Alerts.Cli.Tests.Serve;

/// <summary>The mailbox page lists captured mails and cards and shows them with everything from the capture HTML-escaped.</summary>
[Collection(PipelineCollection.Name)]
public sealed class MailboxTests(ServedApp app) : IClassFixture<ServedApp>
{
    [Fact]
    public async Task Mailbox_MailWithMarkup_ListedAndRenderedEscapedInASandboxedFrame()
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse("alerts@devstack.local"));
        message.To.Add(MailboxAddress.Parse("analyst@example.eu"));
        message.Subject = "<script>alert('subject')</script> China supplies 98%";
        message.Body = new BodyBuilder { HtmlBody = "<p><b>Rare earths</b> & magnets</p><script>alert('body')</script>", TextBody = "Rare earths" }.ToMessageBody();
        var name = "mail-20990101T000000000-99999.eml";
        await message.WriteToAsync(Path.Combine(app.CaptureDirectory, name));

        var index = await app.Client.GetAsync("/mailbox/");
        var list = await index.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, index.StatusCode);
        Assert.Contains("&lt;script&gt;alert(&#39;subject&#39;)&lt;/script&gt; China supplies 98%", list, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", list, StringComparison.Ordinal);
        Assert.Contains($"href=\"/mailbox/{name}\"", list, StringComparison.Ordinal);

        var item = await app.Client.GetAsync($"/mailbox/{name}");
        var page = await item.Content.ReadAsStringAsync();
        Assert.Contains("default-src 'none'", item.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Contains("<iframe sandbox=\"\"", page, StringComparison.Ordinal);
        Assert.Contains("srcdoc=\"&lt;p&gt;&lt;b&gt;Rare earths&lt;/b&gt; &amp; magnets", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mailbox_Card_ShowsItsTextAndJson()
    {
        var name = "webhook-20990101T000000000-99998.json";
        await File.WriteAllTextAsync(Path.Combine(app.CaptureDirectory, name), """
            {"method":"POST","path":"/workflows/critical","query":"","receivedAt":"2099-01-01T00:00:00+00:00","status":202,"headers":{},
             "body":{"type":"message","attachments":[{"contentType":"application/vnd.microsoft.card.adaptive","content":{"type":"AdaptiveCard","version":"1.4",
               "body":[{"type":"TextBlock","text":"Graphite <ore> above 65%"},{"type":"FactSet","facts":[{"title":"Top supplier","value":"CN"}]}]}}]}}
            """);

        var page = await (await app.Client.GetAsync($"/mailbox/{name}")).Content.ReadAsStringAsync();

        Assert.Contains("<p>Graphite &lt;ore&gt; above 65%</p>", page, StringComparison.Ordinal);
        Assert.Contains("<p>Top supplier: CN</p>", page, StringComparison.Ordinal);
        Assert.Contains("/workflows/critical", page, StringComparison.Ordinal);
    }

    [Theory]
    // outside the folder
    [InlineData("..%2F..%2Fetc%2Fpasswd")]
    // not a capture
    [InlineData("notes.txt")]
    // not there
    [InlineData("mail-missing.eml")]
    public async Task Mailbox_NotACapturedFile_Is404(string file)
    {
        using var response = await app.Client.GetAsync($"/mailbox/{file}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
