using System.Net;
using System.Net.Sockets;
using Alerts.Deliver;
using Alerts.Deliver.Email;
using Alerts.Deliver.Endpoints;
using Alerts.Deliver.Rendering;
using Alerts.Deliver.Teams;
using Alerts.Deliver.Tests;
using Alerts.Deliver.Tests.Teams;
using Alerts.DevStack.Smtp;
using Alerts.Platform.Secrets;
using Alerts.Route.NotificationLog;
using Alerts.Route.Notifications;
using Alerts.Route.Routing;
using Alerts.Route.Silences;
using Alerts.Route.Subscriptions;
using Alerts.TestKit.Events;
using MailKit.Security;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Alerts.Deliver.Tests.Email;

public sealed class EmailNotifierTests : IAsyncLifetime
{
    private const string Recipient = "jane.doe@supply-risk.example.com";
    private const string Password = "Hunter2-SMTP-Pa55";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private SmtpSink _sink = null!;

    public async Task InitializeAsync() => _sink = await SmtpSink.StartAsync();

    public async Task DisposeAsync() => await _sink.DisposeAsync();

    [Fact]
    public async Task SendAsync_Accepted_MailHasRecipientSubjectSuppliersAndLink()
    {
        var (notifier, _) = Create(_sink.Port);
        var notification = TestNotifications.For(Channels.Email, Recipient);

        var outcome = await notifier.SendAsync(notification, CancellationToken.None);

        Assert.Equal(DeliveryStatus.Delivered, outcome.Status);
        var mail = Assert.Single(await _sink.Messages.WaitForCountAsync(1, Wait));
        Assert.Equal([Recipient], mail.To);
        Assert.Equal("alerts@alerts.example.com", mail.From);
        Assert.Equal("[critical] China supplies 91.2% of EU imports of rare-earth permanent magnets (2024, by weight) - above 65%", mail.Subject);
        Assert.Contains("China", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("91.2%", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("<table", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("https://alerts.example.com/api/alerts/crma-65%2FEU27_2020%2F85051110%2Fweight", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Equal(notification.NotificationId + "@alerts.example.com", mail.Message.MessageId);
        Assert.Equal(TestNotifications.Now, mail.Message.Date);
    }

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
    public async Task SendAsync_ConnectionRefused_Retry()
    {
        var (notifier, _) = Create(ClosedPort());

        var outcome = await notifier.SendAsync(TestNotifications.For(Channels.Email, Recipient), CancellationToken.None);

        Assert.Equal(DeliveryStatus.Retry, outcome.Status);
        Assert.Contains("cannot connect to the SMTP server", outcome.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_ServerNeverGreets_RetryAfterTimeout()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var accept = silent.AcceptTcpClientAsync();
        var (notifier, _) = Create(((IPEndPoint)silent.LocalEndpoint).Port, o => o.Timeout = TimeSpan.FromMilliseconds(500));

        var outcome = await notifier.SendAsync(TestNotifications.For(Channels.Email, Recipient), CancellationToken.None);

        Assert.Equal(DeliveryStatus.Retry, outcome.Status);
        Assert.Contains("timed out", outcome.Detail, StringComparison.Ordinal);
        (await accept).Dispose();
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
    public async Task SendAsync_WrongPassword_RetryNamingTheSettings()
    {
        await using var server = await AuthenticatingSmtpServer.StartAsync("alerts", "another-password");
        var (notifier, _) = Create(server.Port, o => (o.UserName, o.Password) = ("alerts", Password));

        var outcome = await notifier.SendAsync(TestNotifications.For(Channels.Email, Recipient), CancellationToken.None);

        Assert.Equal(DeliveryStatus.Retry, outcome.Status);
        Assert.Contains("Smtp:UserName and Smtp:Password", outcome.Detail, StringComparison.Ordinal);
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

    [Fact]
    public async Task SendAsync_CallerCancels_Throws()
    {
        var (notifier, _) = Create(_sink.Port);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => notifier.SendAsync(TestNotifications.For(Channels.Email, Recipient), cancelled.Token));
    }

    [Theory]
    // delivered
    [InlineData("delivered", DeliveryStatus.Delivered, "accepted")]
    // permanent refusal whose text echoes the recipient and a password
    [InlineData("550-echo", DeliveryStatus.Permanent, "mailbox unavailable")]
    // transient refusal whose text echoes the recipient and a password
    [InlineData("451-echo", DeliveryStatus.Retry, "mailbox unavailable")]
    // wrong password
    [InlineData("auth", DeliveryStatus.Retry, "authentication failed")]
    // nothing listening
    [InlineData("refused", DeliveryStatus.Retry, "cannot connect")]
    public async Task SendAsync_AnyOutcome_RecipientAndPasswordNeverInDetailOrLogs(string scenario, DeliveryStatus status, string detail)
    {
        await using var auth = await AuthenticatingSmtpServer.StartAsync("alerts", "another-password");
        var port = scenario switch
        {
            "auth" => auth.Port,
            "refused" => ClosedPort(),
            _ => _sink.Port,
        };
        if (scenario.EndsWith("-echo", StringComparison.Ordinal))
        {
            _sink.FailNext(1, new SmtpFailure(int.Parse(scenario[..3], System.Globalization.CultureInfo.InvariantCulture), $"5.1.1 <{Recipient}>: mailbox unavailable; password={Password}"));
        }

        var (notifier, logs) = Create(port, o =>
        {
            if (scenario == "auth")
            {
                (o.UserName, o.Password) = ("alerts", Password);
            }
        });

        var outcome = await notifier.SendAsync(TestNotifications.For(Channels.Email, Recipient), CancellationToken.None);

        Assert.Equal(status, outcome.Status);
        Assert.Contains(detail, outcome.Detail, StringComparison.Ordinal);
        var records = logs.GetSnapshot();
        Assert.NotEmpty(records);
        var everything = outcome.Detail + "\n" + string.Join("\n", records.Select(l => l.Message + " " + l.Exception + " " + string.Join(",", l.StructuredState?.Select(s => s.Value) ?? [])));
        Assert.DoesNotContain("jane.doe", everything, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, everything, StringComparison.Ordinal);
        Assert.Contains("***@supply-risk.example.com", everything, StringComparison.Ordinal);
    }

    private static int ClosedPort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

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
