using Alerts.Deliver.Email;
using Alerts.Deliver.Rendering;
using Alerts.Deliver.Tests.Notifiers;
using Alerts.DevStack.Smtp;
using Alerts.Route.Notifications;
using Alerts.TestKit.Events;
using MailKit.Security;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Alerts.Deliver.Tests.Email;

/// <summary>The notifier contract on the real SMTP sink, plus what only email has: reply codes, addresses, authentication.</summary>
public sealed class EmailNotifierTests : NotifierContract
{
    private const string Recipient = "jane.doe@supply-risk.example.com";
    private const string Password = "Hunter2-SMTP-Pa55";

    private SmtpSink _sink = null!;

    protected override string Channel => Channels.Email;

    protected override string InvalidTarget => "ops@example.com\r\nBcc: victim@example.com";

    protected override TimeSpan? TransientRetryAfter => null;

    protected override string UnreachableDetail => "cannot connect to the SMTP server";

    protected override int Received => _sink.Messages.Count;

    public override async Task InitializeAsync() => _sink = await SmtpSink.StartAsync();

    public override async Task DisposeAsync() => await _sink.DisposeAsync();

    [Theory]
    // 451 local error: retry
    [InlineData(451, DeliveryStatus.Retry)]
    // 452 insufficient storage: retry
    [InlineData(452, DeliveryStatus.Retry)]
    // 550 mailbox unavailable: permanent
    [InlineData(550, DeliveryStatus.Permanent)]
    // 554 transaction failed: permanent
    [InlineData(554, DeliveryStatus.Permanent)]
    public async Task SendAsync_ServerRefuses_ClassifiedByReplyCode(int code, DeliveryStatus expected)
    {
        _sink.FailNext(1, new SmtpFailure(code, "refused (simulated)"));
        var (notifier, _) = Create(_sink.Port);

        var outcome = await notifier.SendAsync(TestNotifications.For(Channels.Email, Recipient), CancellationToken.None);

        Assert.Equal(expected, outcome.Status);
        Assert.StartsWith($"SMTP {code} ", outcome.Detail, StringComparison.Ordinal);
        Assert.Equal(0, _sink.Messages.Count);
    }

    [Theory]
    // no at sign
    [InlineData("not-an-address")]
    // two at signs
    [InlineData("a@b@example.com")]
    // header injection attempt
    [InlineData("ops@example.com\r\nBcc: victim@example.com")]
    // empty
    [InlineData("")]
    public async Task SendAsync_InvalidRecipient_PermanentAndNothingSent(string target)
    {
        var (notifier, _) = Create(_sink.Port);

        var outcome = await notifier.SendAsync(TestNotifications.For(Channels.Email, target), CancellationToken.None);

        Assert.Equal(DeliveryStatus.Permanent, outcome.Status);
        Assert.Equal("invalid recipient address", outcome.Detail);
        Assert.Equal(0, _sink.Messages.Count);
    }

    [Fact]
    public async Task SendAsync_RightPassword_Delivered()
    {
        await using var server = await AuthenticatingSmtpServer.StartAsync("alerts", Password);
        var (notifier, _) = Create(server.Port, o => (o.UserName, o.Password) = ("alerts", Password));

        var outcome = await notifier.SendAsync(TestNotifications.For(Channels.Email, Recipient), CancellationToken.None);

        Assert.Equal(DeliveryStatus.Delivered, outcome.Status);
    }

    [Fact]
    public async Task SendAsync_WrongPassword_RetryNamingTheSettingsAndNothingSecret()
    {
        await using var server = await AuthenticatingSmtpServer.StartAsync("alerts", "another-password");
        var (notifier, logs) = Create(server.Port, o => (o.UserName, o.Password) = ("alerts", Password));

        var outcome = await notifier.SendAsync(TestNotifications.For(Channels.Email, Recipient), CancellationToken.None);

        Assert.Equal(DeliveryStatus.Retry, outcome.Status);
        Assert.Contains("Smtp:UserName and Smtp:Password", outcome.Detail, StringComparison.Ordinal);
        Assert.Contains("authentication failed", outcome.Detail, StringComparison.Ordinal);
        AssertNothingSecret(outcome, logs, Recipient);
    }

    [Fact]
    public async Task SendAsync_UserNameButServerOffersNoAuth_Retry()
    {
        var (notifier, _) = Create(_sink.Port, o => (o.UserName, o.Password) = ("alerts", Password));

        var outcome = await notifier.SendAsync(TestNotifications.For(Channels.Email, Recipient), CancellationToken.None);

        Assert.Equal(DeliveryStatus.Retry, outcome.Status);
        Assert.Contains("offers no authentication", outcome.Detail, StringComparison.Ordinal);
        Assert.Equal(0, _sink.Messages.Count);
    }

    protected override NotifierUnderTest AtSink()
    {
        var (notifier, logs) = Create(_sink.Port);
        return new NotifierUnderTest(notifier, Recipient, logs);
    }

    protected override NotifierUnderTest At(int port, TimeSpan timeout)
    {
        var (notifier, logs) = Create(port, o => o.Timeout = timeout);
        return new NotifierUnderTest(notifier, Recipient, logs);
    }

    protected override void FailNext(ScriptedFailure failure, string? echoTarget = null)
    {
        var code = failure == ScriptedFailure.Transient ? 451 : 550;
        var text = echoTarget is null ? "refused (simulated)" : $"5.1.1 <{echoTarget}>: mailbox unavailable; password={Password}";
        _sink.FailNext(1, new SmtpFailure(code, text));
    }

    protected override async Task AssertDeliveredAsync(Notification notification, DeliveryOutcome outcome, int attempts)
    {
        // A refused attempt leaves no mail: exactly one, whatever the attempts.
        var mail = Assert.Single(await _sink.Messages.WaitForCountAsync(1, Wait));
        Assert.Equal([Recipient], mail.To);
        Assert.Equal("alerts@alerts.example.com", mail.From);
        Assert.Equal("[critical] China supplies 91.2% of EU imports of rare-earth permanent magnets (2024, by weight) - above 65%", mail.Subject);
        Assert.Contains("China", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("91.2%", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("<table", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("https://alerts.example.com/api/web/alerts/crma-65%2FEU27_2020%2F85051110%2Fweight", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Equal(notification.NotificationId + "@alerts.example.com", mail.Message.MessageId);
        Assert.Equal(TestNotifications.Now, mail.Message.Date);
        Assert.Contains("accepted", outcome.Detail, StringComparison.Ordinal);
    }

    protected override IReadOnlyList<string> Secrets(string target) => [target.Split('@')[0], Password];

    protected override string Redacted(string target) => "***@" + target.Split('@')[1];

    private static (EmailNotifier Notifier, FakeLogCollector Logs) Create(int port, Action<EmailOptions>? configure = null)
    {
        var options = new EmailOptions
        {
            Host = "127.0.0.1",
            Port = port,
            From = "alerts@alerts.example.com",
            Security = SecureSocketOptions.None,
            Timeout = TimeSpan.FromSeconds(10),
        };
        configure?.Invoke(options);
        var logger = new FakeLogger<EmailNotifier>();
        var renderer = new EmailRenderer(new RenderingOptions { PublicBaseUrl = "https://alerts.example.com" });
        return (new EmailNotifier(Options.Create(options), renderer, new FakeTimeProvider(TestNotifications.Now), logger), logger.Collector);
    }
}
