using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Alerts.DevStack.Webhooks;

/// <summary>
/// An HTTP listener on 127.0.0.1 that stands in for Teams Workflows webhooks: it records every request
/// (any path) and answers from a script of queued responses, else with the default (200).
/// </summary>
public sealed class WebhookListener : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly WebhookScript _script;
    private int _disposed;

    private WebhookListener(WebApplication app, Uri baseUrl, WebhookScript script, ReceivedLog<ReceivedWebhook> requests)
    {
        _app = app;
        _script = script;
        BaseUrl = baseUrl;
        Requests = requests;
    }

    /// <summary>The listener's root, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseUrl { get; }

    /// <summary>Requests received so far; tests wait on it with <see cref="ReceivedLog{T}.WaitForCountAsync"/>.</summary>
    public ReceivedLog<ReceivedWebhook> Requests { get; }

    /// <summary>Starts listening and returns once the port accepts connections.</summary>
    public static async Task<WebhookListener> StartAsync(WebhookListenerOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new WebhookListenerOptions();
        var logger = (options.LoggerFactory ?? NullLoggerFactory.Instance).CreateLogger<WebhookListener>();
        var requests = new ReceivedLog<ReceivedWebhook>();
        var script = new WebhookScript(options.DefaultResponse);
        var capture = options.CaptureDirectory is null ? null : new CaptureDirectory(options.CaptureDirectory);

        async Task HandleAsync(HttpContext context)
        {
            var request = context.Request;
            using var reader = new StreamReader(request.Body, Encoding.UTF8);
            var body = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
            var path = request.Path.Value ?? "/";
            var response = script.Next(path);
            var received = new ReceivedWebhook(
                request.Method,
                path,
                request.QueryString.Value ?? string.Empty,
                request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
                body,
                options.TimeProvider.GetUtcNow(),
                response.Status);

            if (capture is not null)
            {
                await capture.WriteAsync("webhook", ".json", received.ReceivedAt, WebhookCapture.ToJson(received), context.RequestAborted).ConfigureAwait(false);
            }

            requests.Add(received);
            // The path is not logged: in production a webhook URL is a secret, and tests should not learn otherwise.
            logger.LogDebug("Webhook listener answered {Status} to a {Method}", response.Status, received.Method);

            context.Response.StatusCode = response.Status;
            if (response.RetryAfter is { } retryAfter)
            {
                context.Response.Headers.RetryAfter = ((long)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            }

            if (response.Body is not null)
            {
                context.Response.ContentType = "text/plain; charset=utf-8";
                await context.Response.WriteAsync(response.Body, context.RequestAborted).ConfigureAwait(false);
            }
        }

        var (app, baseUrl) = await LoopbackHttpHost.StartAsync(options.Port, options.LoggerFactory, HandleAsync, cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Webhook listener on {BaseUrl}", baseUrl);
        return new WebhookListener(app, baseUrl, script, requests);
    }

    /// <summary>An absolute URL on this listener for a webhook path, e.g. <c>UrlFor("teams/ops")</c>.</summary>
    public Uri UrlFor(string path) => new(BaseUrl, path.TrimStart('/'));

    /// <summary>
    /// Queues the answer to a coming request: for requests to <paramref name="path"/> only when given
    /// (these are used first), else for any request. Answers are used once each, in order.
    /// </summary>
    public void Enqueue(WebhookResponse response, string? path = null) => _script.Enqueue(response, path);

    /// <summary>Queues several answers, in order (see <see cref="Enqueue"/>).</summary>
    public void Enqueue(IEnumerable<WebhookResponse> responses, string? path = null)
    {
        foreach (var response in responses)
        {
            _script.Enqueue(response, path);
        }
    }

    /// <summary>Forgets received requests and queued answers (for tests sharing one listener).</summary>
    public void Reset()
    {
        _script.Clear();
        Requests.Clear();
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await LoopbackHttpHost.StopAsync(_app).ConfigureAwait(false);
    }
}
