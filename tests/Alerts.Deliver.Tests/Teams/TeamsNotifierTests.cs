using System.Net.Http.Headers;
using System.Text.Json;
using Alerts.Deliver.Rendering;
using Alerts.Deliver.Teams;
using Alerts.Deliver.Tests.Notifiers;
using Alerts.DevStack.Webhooks;
using Alerts.Platform.Secrets;
using Alerts.Route.Notifications;
using Alerts.TestKit.Events;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Alerts.Deliver.Tests.Teams;

/// <summary>The notifier contract on the real webhook listener, plus what only Teams has: HTTP statuses, URL policy, Retry-After.</summary>
public sealed class TeamsNotifierTests : NotifierContract
{
    private static readonly string PolicyRefused = "https://hooks.example.com/" + TestNotifications.SecretPath + "?" + TestNotifications.SecretSig;

    private WebhookListener _listener = null!;

    protected override string Channel => Channels.Teams;

    protected override string InvalidTarget => PolicyRefused;

    protected override TimeSpan? TransientRetryAfter => TimeSpan.FromSeconds(12);

    protected override string UnreachableDetail => "webhook unreachable";

    protected override int Received => _listener.Requests.Count;

    public override async Task InitializeAsync() => _listener = await WebhookListener.StartAsync();

    public override async Task DisposeAsync() => await _listener.DisposeAsync();

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
        using var sut = AtSink();

        var outcome = await sut.Notifier.SendAsync(TestNotifications.For(Channels.Teams, sut.Target), CancellationToken.None);

        Assert.Equal(expected, outcome.Status);
        Assert.Contains(detail, outcome.Detail, StringComparison.Ordinal);
        Assert.Equal(expectedRetryAfterSeconds is { } e ? TimeSpan.FromSeconds(e) : null, outcome.RetryAfter);
        Assert.Single(await _listener.Requests.WaitForCountAsync(1, Wait));
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
        using var sut = Create(Url(), o => o.AllowInsecureLoopback = development);

        var outcome = await sut.Notifier.SendAsync(TestNotifications.For(Channels.Teams, url ?? Url()), CancellationToken.None);

        Assert.Equal(DeliveryStatus.Permanent, outcome.Status);
        Assert.StartsWith("webhook URL refused: ", outcome.Detail, StringComparison.Ordinal);
        Assert.Equal(0, _listener.Requests.Count);
    }

    [Fact]
    public async Task SendAsync_AllowedHostResolvesToLoopbackInProduction_PermanentAtConnect()
    {
        // The URL passes the policy (https, allowed host); the connect-time DNS check must still refuse it.
        using var sut = Create(Url(), o =>
        {
            o.AllowInsecureLoopback = false;
            o.AllowedHosts.Add("localhost");
        });

        var outcome = await sut.Notifier.SendAsync(
            TestNotifications.For(Channels.Teams, "https://localhost/" + TestNotifications.SecretPath + "?" + TestNotifications.SecretSig), CancellationToken.None);

        Assert.Equal(DeliveryStatus.Permanent, outcome.Status);
        Assert.Contains("resolves to a private, loopback", outcome.Detail, StringComparison.Ordinal);
    }

    [Theory]
    // throttled
    [InlineData("429")]
    // refused by policy before any request
    [InlineData("policy")]
    public async Task SendAsync_TeamsOnlyOutcomes_UrlNeverInDetailOrLogs(string scenario)
    {
        var url = scenario == "policy" ? PolicyRefused : Url();
        if (scenario == "429")
        {
            _listener.Enqueue(WebhookResponse.TooManyRequests(TimeSpan.FromSeconds(1)));
        }

        using var sut = AtSink();

        var outcome = await sut.Notifier.SendAsync(TestNotifications.For(Channels.Teams, url), CancellationToken.None);

        AssertNothingSecret(outcome, sut.Logs, url);
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

    protected override NotifierUnderTest AtSink() => Create(Url());

    protected override NotifierUnderTest At(int port, TimeSpan timeout) =>
        Create($"http://127.0.0.1:{port}/{TestNotifications.SecretPath}?{TestNotifications.SecretSig}", o => o.Timeout = timeout);

    protected override void FailNext(ScriptedFailure failure, string? echoTarget = null)
    {
        var body = echoTarget is null ? "error body" : "failed to call " + echoTarget;
        _listener.Enqueue(failure == ScriptedFailure.Transient
            ? new WebhookResponse(503, body, TransientRetryAfter)
            : new WebhookResponse(404, body));
    }

    protected override async Task AssertDeliveredAsync(Notification notification, DeliveryOutcome outcome, int attempts)
    {
        Assert.Equal("HTTP 200", outcome.Detail);
        // Every attempt reaches the listener; the last one carries the card that was accepted.
        var requests = await _listener.Requests.WaitForCountAsync(attempts, Wait);
        Assert.Equal(attempts, requests.Count);
        var request = requests[^1];
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

    protected override IReadOnlyList<string> Secrets(string target) => ["5ecre7", "S3CR3T"];

    protected override string Redacted(string target) => SecretRedactor.RedactUrl(target);

    private string Url() => _listener.UrlFor(TestNotifications.SecretPath) + "?" + TestNotifications.SecretSig;

    private static NotifierUnderTest Create(string target, Action<TeamsOptions>? configure = null)
    {
        var options = new TeamsOptions { AllowInsecureLoopback = true };
        configure?.Invoke(options);
        var policy = options.ToPolicy();
        var http = new HttpClient(new WebhookConnector(policy).CreateHandler());
        var logger = new FakeLogger<TeamsNotifier>();
        var notifier = new TeamsNotifier(
            http, policy, new TeamsCardRenderer(new RenderingOptions()), Options.Create(options), TimeProvider.System, logger);
        return new NotifierUnderTest(notifier, target, logger.Collector, http);
    }
}
