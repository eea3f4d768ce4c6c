using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Alerts.Deliver;
using Alerts.Deliver.Charts;
using Alerts.Deliver.Email;
using Alerts.Deliver.Endpoints;
using Alerts.Deliver.Rendering;
using Alerts.Platform.Secrets;
using Alerts.Route.NotificationLog;
using Alerts.Route.Notifications;
using Alerts.Route.Routing;
using Alerts.Route.Silences;
using Alerts.Route.Subscriptions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alerts.Deliver.Teams;

/// <summary>
/// Posts a notification's Adaptive Card to its Teams Workflows webhook. Any 2xx is delivered; 429 is
/// retried no earlier than its Retry-After; 408, 5xx, timeouts and connection errors are retried; other
/// 4xx, redirects and URLs the policy refuses are permanent. The URL never reaches an outcome or a log.
/// </summary>
public sealed partial class TeamsNotifier : INotifier
{
    private const int MaxSnippetChars = 200;

    private readonly HttpClient _http;
    private readonly WebhookUrlPolicy _policy;
    private readonly TeamsCardRenderer _renderer;
    private readonly TeamsOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<TeamsNotifier> _logger;
    private readonly AlertCharts? _charts;

    public TeamsNotifier(
        HttpClient http, WebhookUrlPolicy policy, TeamsCardRenderer renderer, IOptions<TeamsOptions> options, TimeProvider time, ILogger<TeamsNotifier> logger,
        AlertCharts? charts = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _http = http;
        _policy = policy;
        _renderer = renderer;
        _options = options.Value;
        _time = time;
        _logger = logger;
        _charts = charts;

        // The notifier's own token decides timeouts, so they are told apart from the caller's cancellation.
        _http.Timeout = Timeout.InfiniteTimeSpan;
    }

    public string Channel => Channels.Teams;

    public async Task<DeliveryOutcome> SendAsync(Notification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var target = SecretRedactor.RedactUrl(notification.Target);
        var outcome = await TrySendAsync(notification, cancellationToken);
        if (outcome.Status == DeliveryStatus.Delivered)
        {
            LogDelivered(notification.NotificationId, target, notification.Events.Count, outcome.Detail);
        }
        else
        {
            LogFailed(notification.NotificationId, target, outcome.Status, outcome.Detail, outcome.RetryAfter);
        }

        return outcome;
    }

    private async Task<DeliveryOutcome> TrySendAsync(Notification notification, CancellationToken cancellationToken)
    {
        var check = _policy.Check(notification.Target);
        if (!check.IsAllowed)
        {
            return DeliveryOutcome.Permanent("webhook URL refused: " + check.Error);
        }

        var charts = _charts is null ? [] : await _charts.ForCardAsync(notification.Events, cancellationToken);
        var payload = _renderer.Render(notification, charts);
        using var request = new HttpRequestMessage(HttpMethod.Post, check.Uri)
        {
            Content = new StringContent(payload, Encoding.UTF8, "application/json"),
        };
        using var timeout = new CancellationTokenSource(_options.Timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token);
            return await ClassifyAsync(response, linked.Token);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException)
        {
            return DeliveryOutcome.Retry(string.Create(CultureInfo.InvariantCulture, $"webhook timed out after {_options.Timeout.TotalSeconds:0.#} s"));
        }
        catch (HttpRequestException ex) when (ex.InnerException is WebhookAddressRejectedException rejected)
        {
            return DeliveryOutcome.Permanent("webhook URL refused: " + rejected.Message);
        }
        catch (HttpRequestException ex)
        {
            var reason = ex.HttpRequestError == HttpRequestError.Unknown ? "connection failed" : ex.HttpRequestError.ToString();
            return DeliveryOutcome.Retry("webhook unreachable: " + reason);
        }
    }

    private async Task<DeliveryOutcome> ClassifyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var code = (int)response.StatusCode;
        var status = string.Create(CultureInfo.InvariantCulture, $"HTTP {code}");
        if (response.IsSuccessStatusCode)
        {
            return DeliveryOutcome.Delivered(status);
        }

        var snippet = await SnippetAsync(response, cancellationToken);
        return response.StatusCode switch
        {
            HttpStatusCode.TooManyRequests =>
                DeliveryOutcome.Retry(status + ": throttled by Teams" + snippet, RetryAfter(response) ?? _options.DefaultRetryAfter),
            HttpStatusCode.RequestTimeout =>
                DeliveryOutcome.Retry(status + ": request timeout" + snippet, RetryAfter(response)),
            _ when code >= 500 =>
                DeliveryOutcome.Retry(status + ": server error" + snippet, RetryAfter(response)),
            HttpStatusCode.BadRequest =>
                DeliveryOutcome.Permanent(status + ": the workflow rejected the card" + snippet),
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden =>
                DeliveryOutcome.Permanent(status + ": not authorized (the URL's signature is invalid or the workflow's permissions changed)" + snippet),
            HttpStatusCode.NotFound =>
                DeliveryOutcome.Permanent(status + ": no such webhook (the workflow was deleted or the URL is wrong)" + snippet),
            HttpStatusCode.Gone =>
                DeliveryOutcome.Permanent(status + ": the webhook is gone (the workflow was turned off or deleted)" + snippet),
            _ when code is >= 300 and < 400 =>
                DeliveryOutcome.Permanent(status + ": redirects are not followed for webhooks"),
            _ => DeliveryOutcome.Permanent(status + ": refused" + snippet),
        };
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response) => RetryAfter(response.Headers.RetryAfter, _time.GetUtcNow());

    /// <summary>Retry-After as delta seconds or an HTTP date, never negative; null when absent.</summary>
    internal static TimeSpan? RetryAfter(RetryConditionHeaderValue? header, DateTimeOffset now)
    {
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - now;
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }

    // A short, redacted piece of the error body: Workflows names the cause there (e.g. a schema mismatch).
    private static async Task<string> SnippetAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            using var reader = new StreamReader(stream, Encoding.UTF8);
            var buffer = new char[MaxSnippetChars];
            var read = await reader.ReadBlockAsync(buffer.AsMemory(), cancellationToken);
            var text = AlertText.Clean(new string(buffer, 0, read), MaxSnippetChars);
            return text.Length == 0 ? string.Empty : " - " + SecretRedactor.Redact(text);
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException)
        {
            return string.Empty;
        }
    }

    [LoggerMessage(EventId = 11, Level = LogLevel.Information, Message = "Teams notification {NotificationId} with {EventCount} events delivered to {Webhook}: {Detail}")]
    private partial void LogDelivered(string notificationId, string webhook, int eventCount, string detail);

    [LoggerMessage(EventId = 12, Level = LogLevel.Warning, Message = "Teams notification {NotificationId} to {Webhook} failed ({Status}, retry after {RetryAfter}): {Detail}")]
    private partial void LogFailed(string notificationId, string webhook, DeliveryStatus status, string detail, TimeSpan? retryAfter);
}
