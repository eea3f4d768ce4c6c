namespace Alerts.DevStack.Webhooks;

/// <summary>A scripted answer of the <see cref="WebhookListener"/>.</summary>
/// <param name="Status">HTTP status code.</param>
/// <param name="Body">Response body (text), or null for none.</param>
/// <param name="RetryAfter">When set, sent as a <c>Retry-After</c> header in whole seconds.</param>
public sealed record WebhookResponse(int Status, string? Body = null, TimeSpan? RetryAfter = null)
{
    /// <summary>200 with the body Teams Workflows answer ("1").</summary>
    public static WebhookResponse Ok() => new(200, "1");

    /// <summary>202, what a Workflows trigger answers when it queued the run.</summary>
    public static WebhookResponse Accepted() => new(202);

    /// <summary>429 with a Retry-After header, as Teams throttling does.</summary>
    public static WebhookResponse TooManyRequests(TimeSpan retryAfter) =>
        new(429, "Microsoft Teams endpoint returned HTTP error 429", retryAfter);

    /// <summary>500: a transient server failure.</summary>
    public static WebhookResponse ServerError() => new(500, "Internal Server Error");

    /// <summary>404: the webhook was deleted (a permanent failure).</summary>
    public static WebhookResponse NotFound() => new(404, "Not Found");
}
