using Microsoft.Extensions.Logging;

namespace Alerts.DevStack.Webhooks;

/// <summary>Options for <see cref="WebhookListener"/>.</summary>
public sealed class WebhookListenerOptions
{
    /// <summary>TCP port on 127.0.0.1; 0 = a free port.</summary>
    public int Port { get; set; }

    /// <summary>When set, each request received is also written there as a <c>.json</c> file.</summary>
    public string? CaptureDirectory { get; set; }

    /// <summary>The answer when no scripted response is queued (default 200 OK).</summary>
    public WebhookResponse DefaultResponse { get; set; } = WebhookResponse.Ok();

    /// <summary>Stamps <see cref="ReceivedWebhook.ReceivedAt"/> and capture file names.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    public ILoggerFactory? LoggerFactory { get; set; }
}
