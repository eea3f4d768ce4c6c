using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.Json;
using Alerts.Deliver;
using Alerts.Deliver.Email;
using Alerts.Deliver.Endpoints;
using Alerts.Deliver.Rendering;
using Alerts.Deliver.Teams;
using Alerts.Deliver.Tests;
using Alerts.Deliver.Tests.Email;
using Alerts.DevStack.Webhooks;
using Alerts.Platform.Secrets;
using Alerts.Route.NotificationLog;
using Alerts.Route.Notifications;
using Alerts.Route.Routing;
using Alerts.Route.Silences;
using Alerts.Route.Subscriptions;
using Alerts.TestKit.Events;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Alerts.Deliver.Tests.Teams;

public sealed class TeamsNotifierTests : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private WebhookListener _listener = null!;

    public async Task InitializeAsync() => _listener = await WebhookListener.StartAsync();

    public async Task DisposeAsync() => await _listener.DisposeAsync();

    [Fact]
    public async Task SendAsync_Ok_DeliversTheCardToTheWebhook()
    {
        using var notifier = Create();

        var outcome = await notifier.Notifier.SendAsync(TestNotifications.For(Channels.Teams, Url()), CancellationToken.None);

        Assert.Equal(DeliveryStatus.Delivered, outcome.Status);
        Assert.Equal("HTTP 200", outcome.Detail);
        var request = Assert.Single(await _listener.Requests.WaitForCountAsync(1, Wait));
        Assert.Equal("POST", request.Method);
        Assert.Equal("/" + TestNotifications.SecretPath, request.Path);
        Assert.StartsWith("application/json", request.Headers["Content-Type"], StringComparison.Ordinal);
        using var card = JsonDocument.Parse(request.Body);
        var attachment = card.RootElement.GetProperty("attachments")[0];
        Assert.Equal("message", card.RootElement.GetProperty("type").GetString());
        Assert.Equal(JsonValueKind.Null, attachment.GetProperty("contentUrl").ValueKind);
        Assert.Equal("1.4", attachment.GetProperty("content").GetProperty("version").GetString());
        Assert.Contains("China supplies 91.2% of EU imports of rare-earth permanent magnets", request.Body, StringComparison.Ordinal);
        Assert.True(request.Body.Length < TeamsCardRenderer.MaxPayloadBytes);
    }

    [Theory]
    // Workflows queued the run: delivered
    [InlineData(202, null, DeliveryStatus.Delivered, "HTTP 202", null)]
    // any other 2xx: delivered
    [InlineData(204, null, DeliveryStatus.Delivered, "HTTP 204", null)]
    // throttled with Retry-After: retry no earlier than it says
    [InlineData(429, 7, DeliveryStatus.Retry, "HTTP 429", 7)]
    // throttled without Retry-After: the configured default (30 s)
    [InlineData(429, null, DeliveryStatus.Retry, "HTTP 429", 30)]
    // server error: retry
    [InlineData(500, null, DeliveryStatus.Retry, "server error", null)]
    // unavailable with Retry-After: retry, honouring it
    [InlineData(503, 12, DeliveryStatus.Retry, "HTTP 503", 12)]
    // request timeout: retry
    [InlineData(408, null, DeliveryStatus.Retry, "request timeout", null)]
    // card rejected: permanent
    [InlineData(400, null, DeliveryStatus.Permanent, "rejected the card", null)]
    // bad signature: permanent
    [InlineData(401, null, DeliveryStatus.Permanent, "not authorized", null)]
    // forbidden: permanent
    [InlineData(403, null, DeliveryStatus.Permanent, "not authorized", null)]
    // webhook deleted: permanent with a reason
    [InlineData(404, null, DeliveryStatus.Permanent, "no such webhook", null)]
    // workflow turned off: permanent
    [InlineData(410, null, DeliveryStatus.Permanent, "gone", null)]
    // redirect: not followed, permanent
    [InlineData(302, null, DeliveryStatus.Permanent, "redirects are not followed", null)]
    public async Task SendAsync_ScriptedStatus_Classified(int status, int? retryAfterSeconds, DeliveryStatus expected, string detail, int? expectedRetryAfterSeconds)
    {
        _listener.Enqueue(new WebhookResponse(status, status >= 400 ? "error body" : null, retryAfterSeconds is { } s ? TimeSpan.FromSeconds(s) : null));
        using var notifier = Create();

        var outcome = await notifier.Notifier.SendAsync(TestNotifications.For(Channels.Teams, Url()), CancellationToken.None);

        Assert.Equal(expected, outcome.Status);
        Assert.Contains(detail, outcome.Detail, StringComparison.Ordinal);
        Assert.Equal(expectedRetryAfterSeconds is { } e ? TimeSpan.FromSeconds(e) : null, outcome.RetryAfter);
        Assert.Single(await _listener.Requests.WaitForCountAsync(1, Wait));
    }

    [Fact]
    public async Task SendAsync_ServerErrorThenOk_RetryThenDelivered()
    {
        _listener.Enqueue([WebhookResponse.ServerError(), WebhookResponse.Ok()]);
        using var notifier = Create();
        var notification = TestNotifications.For(Channels.Teams, Url());

        var first = await notifier.Notifier.SendAsync(notification, CancellationToken.None);
        var second = await notifier.Notifier.SendAsync(notification, CancellationToken.None);

        Assert.Equal((DeliveryStatus.Retry, DeliveryStatus.Delivered), (first.Status, second.Status));
        Assert.Equal(2, (await _listener.Requests.WaitForCountAsync(2, Wait)).Count);
    }

    [Theory]
    // http to a loopback listener outside development mode
    [InlineData(false, null)]
    // a host that is not on the allowed list
    [InlineData(true, "https://hooks.example.com/" + TestNotifications.SecretPath + "?" + TestNotifications.SecretSig)]
    // a private address literal
    [InlineData(true, "http://10.20.30.40/" + TestNotifications.SecretPath)]
    public async Task SendAsync_UrlFailsPolicy_PermanentWithoutRequest(bool development, string? url)
    {
        using var notifier = Create(o => o.AllowInsecureLoopback = development);

        var outcome = await notifier.Notifier.SendAsync(TestNotifications.For(Channels.Teams, url ?? Url()), CancellationToken.None);

        Assert.Equal(DeliveryStatus.Permanent, outcome.Status);
        Assert.StartsWith("webhook URL refused: ", outcome.Detail, StringComparison.Ordinal);
        Assert.Equal(0, _listener.Requests.Count);
    }

    [Fact]
    public async Task SendAsync_AllowedHostResolvesToLoopbackInProduction_PermanentAtConnect()
    {
        // The URL passes the policy (https, allowed host); the connect-time DNS check must still refuse it.
        using var notifier = Create(o =>
        {
            o.AllowInsecureLoopback = false;
            o.AllowedHosts.Add("localhost");
        });

        var outcome = await notifier.Notifier.SendAsync(
            TestNotifications.For(Channels.Teams, "https://localhost/" + TestNotifications.SecretPath + "?" + TestNotifications.SecretSig), CancellationToken.None);

        Assert.Equal(DeliveryStatus.Permanent, outcome.Status);
        Assert.Contains("resolves to a private, loopback", outcome.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_ConnectionRefused_Retry()
    {
        var port = ClosedPort();
        using var notifier = Create();

        var outcome = await notifier.Notifier.SendAsync(
            TestNotifications.For(Channels.Teams, $"http://127.0.0.1:{port}/{TestNotifications.SecretPath}"), CancellationToken.None);

        Assert.Equal(DeliveryStatus.Retry, outcome.Status);
        Assert.StartsWith("webhook unreachable", outcome.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_ServerNeverAnswers_RetryAfterTimeout()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var accept = silent.AcceptTcpClientAsync();
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;
        using var notifier = Create(o => o.Timeout = TimeSpan.FromMilliseconds(300));

        var outcome = await notifier.Notifier.SendAsync(
            TestNotifications.For(Channels.Teams, $"http://127.0.0.1:{port}/{TestNotifications.SecretPath}"), CancellationToken.None);

        Assert.Equal(DeliveryStatus.Retry, outcome.Status);
        Assert.Contains("timed out", outcome.Detail, StringComparison.Ordinal);
        (await accept).Dispose();
    }

    [Fact]
    public async Task SendAsync_CallerCancels_Throws()
    {
        using var notifier = Create();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => notifier.Notifier.SendAsync(TestNotifications.For(Channels.Teams, Url()), cancelled.Token));
    }

    [Theory]
    // throttled
    [InlineData("429")]
    // server error, with the URL echoed in the error body
    [InlineData("500-echo")]
    // deleted
    [InlineData("404")]
    // delivered
    [InlineData("200")]
    // refused by policy
    [InlineData("policy")]
    // nothing listening
    [InlineData("refused")]
    public async Task SendAsync_AnyOutcome_UrlNeverInDetailOrLogs(string scenario)
    {
        var url = Url();
        switch (scenario)
        {
            case "429":
                _listener.Enqueue(WebhookResponse.TooManyRequests(TimeSpan.FromSeconds(1)));
                break;
            case "500-echo":
                _listener.Enqueue(new WebhookResponse(500, "failed to call " + url));
                break;
            case "404":
                _listener.Enqueue(WebhookResponse.NotFound());
                break;
            case "policy":
                url = "https://hooks.example.com/" + TestNotifications.SecretPath + "?" + TestNotifications.SecretSig;
                break;
            case "refused":
                url = $"http://127.0.0.1:{ClosedPort()}/{TestNotifications.SecretPath}?{TestNotifications.SecretSig}";
                break;
        }

        using var notifier = Create();

        var outcome = await notifier.Notifier.SendAsync(TestNotifications.For(Channels.Teams, url), CancellationToken.None);

        var logs = notifier.Logs.GetSnapshot();
        Assert.NotEmpty(logs);
        var everything = outcome.Detail + "\n" + string.Join("\n", logs.Select(l => l.Message + " " + l.Exception + " " + string.Join(",", l.StructuredState?.Select(s => s.Value) ?? [])));
        Assert.DoesNotContain("5ecre7", everything, StringComparison.Ordinal);
        Assert.DoesNotContain("S3CR3T", everything, StringComparison.Ordinal);
        Assert.Contains(SecretRedactor.RedactUrl(url), everything, StringComparison.Ordinal);
    }

    [Theory]
    // delta seconds
    [InlineData("delta", 7, 7)]
    // an HTTP date 90 s ahead
    [InlineData("date", 90, 90)]
    // a date in the past: retry now
    [InlineData("date", -30, 0)]
    public void RetryAfter_Header_WaitFromNow(string form, int seconds, int expected)
    {
        var now = new FakeTimeProvider(TestNotifications.Now).GetUtcNow();
        var header = form == "delta"
            ? new RetryConditionHeaderValue(TimeSpan.FromSeconds(seconds))
            : new RetryConditionHeaderValue(now.AddSeconds(seconds));

        Assert.Equal(TimeSpan.FromSeconds(expected), TeamsNotifier.RetryAfter(header, now));
        Assert.Null(TeamsNotifier.RetryAfter(null, now));
    }

    private string Url() => _listener.UrlFor(TestNotifications.SecretPath) + "?" + TestNotifications.SecretSig;

    private static int ClosedPort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    private static Harness Create(Action<TeamsOptions>? configure = null)
    {
        var options = new TeamsOptions { AllowInsecureLoopback = true };
        configure?.Invoke(options);
        var policy = options.ToPolicy();
        var http = new HttpClient(new WebhookConnector(policy).CreateHandler());
        var logger = new FakeLogger<TeamsNotifier>();
        var notifier = new TeamsNotifier(
            http, policy, new TeamsCardRenderer(new RenderingOptions()), Options.Create(options), TimeProvider.System, logger);
        return new Harness(notifier, logger.Collector, http);
    }

    private sealed record Harness(TeamsNotifier Notifier, FakeLogCollector Logs, HttpClient Http) : IDisposable
    {
        public void Dispose() => Http.Dispose();
    }
}
