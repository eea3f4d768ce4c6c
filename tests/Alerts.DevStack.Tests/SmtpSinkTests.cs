using Alerts.DevStack.Smtp;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Alerts.DevStack.Tests;

public sealed class SmtpSinkTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task SendAsync_MailKitClient_StoresEnvelopeSubjectAndBothBodies()
    {
        await using var sink = await SmtpSink.StartAsync();

        await SendAsync(sink, Message("HHI of rare-earth magnets above 2500", "text body", "<p>html body</p>"));
        var mail = Assert.Single(await sink.Messages.WaitForCountAsync(1, Wait));

        Assert.Equal("alerts@example.test", mail.From);
        Assert.Equal(["risk-team@example.test"], mail.To);
        Assert.Equal("HHI of rare-earth magnets above 2500", mail.Subject);
        Assert.Equal("text body", mail.TextBody?.Trim());
        Assert.Equal("<p>html body</p>", mail.HtmlBody?.Trim());
        Assert.NotEmpty(mail.Raw);
    }

    [Fact]
    public async Task SendAsync_WithCaptureDirectory_WritesParsableEml()
    {
        var capture = Directory.CreateTempSubdirectory("smtp-capture-").FullName;
        try
        {
            await using var sink = await SmtpSink.StartAsync(new SmtpSinkOptions { CaptureDirectory = capture });

            await SendAsync(sink, Message("Gallium: CN supplies 97%", "text", "<b>html</b>"));
            await sink.Messages.WaitForCountAsync(1, Wait);

            var file = Assert.Single(Directory.GetFiles(capture, "*.eml"));
            var saved = await MimeMessage.LoadAsync(file);
            Assert.Equal("Gallium: CN supplies 97%", saved.Subject);
        }
        finally
        {
            Directory.Delete(capture, recursive: true);
        }
    }

    [Theory]
    // transient refusal: the client sees 451, the next attempt is accepted
    [InlineData(451)]
    // permanent refusal: the client sees 550, the next attempt is accepted
    [InlineData(550)]
    public async Task FailNext_OneFailure_RefusesOnceThenAccepts(int code)
    {
        await using var sink = await SmtpSink.StartAsync();
        sink.FailNext(1, new SmtpFailure(code, "simulated"));

        var refused = await Assert.ThrowsAsync<SmtpCommandException>(() => SendAsync(sink, Message("first", "a", "<p>a</p>")));
        await SendAsync(sink, Message("second", "b", "<p>b</p>"));

        Assert.Equal(code, (int)refused.StatusCode);
        var mail = Assert.Single(await sink.Messages.WaitForCountAsync(1, Wait));
        Assert.Equal("second", mail.Subject);
    }

    [Fact]
    public async Task Reset_AfterMessages_EmptiesMessages()
    {
        await using var sink = await SmtpSink.StartAsync();
        await SendAsync(sink, Message("one", "a", "<p>a</p>"));
        await sink.Messages.WaitForCountAsync(1, Wait);

        sink.Reset();

        Assert.Equal(0, sink.Messages.Count);
    }

    private static MimeMessage Message(string subject, string text, string html)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse("alerts@example.test"));
        message.To.Add(MailboxAddress.Parse("risk-team@example.test"));
        message.Subject = subject;
        message.Body = new BodyBuilder { TextBody = text, HtmlBody = html }.ToMessageBody();
        return message;
    }

    private static async Task SendAsync(SmtpSink sink, MimeMessage message)
    {
        using var client = new SmtpClient { Timeout = 10_000 };
        await client.ConnectAsync(sink.Host, sink.Port, SecureSocketOptions.None);
        try
        {
            await client.SendAsync(message);
        }
        finally
        {
            await client.DisconnectAsync(quit: true);
        }
    }
}
