namespace Alerts.DevStack.Webhooks;

/// <summary>One request received by the <see cref="WebhookListener"/>, with the answer it got.</summary>
/// <param name="Method">HTTP method.</param>
/// <param name="Path">Request path (e.g. <c>/teams/ops</c>).</param>
/// <param name="Query">Query string including '?', or empty.</param>
/// <param name="Headers">Request headers (multiple values joined with ", ").</param>
/// <param name="Body">Request body as UTF-8 text.</param>
/// <param name="ReceivedAt">When it arrived.</param>
/// <param name="Status">The status code the listener answered.</param>
public sealed record ReceivedWebhook(
    string Method,
    string Path,
    string Query,
    IReadOnlyDictionary<string, string> Headers,
    string Body,
    DateTimeOffset ReceivedAt,
    int Status);
