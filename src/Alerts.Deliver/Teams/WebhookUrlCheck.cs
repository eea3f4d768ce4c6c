using Alerts.Deliver;
using Alerts.Deliver.Email;
using Alerts.Deliver.Endpoints;
using Alerts.Platform.Secrets;

namespace Alerts.Deliver.Teams;

/// <summary>Result of checking a webhook URL against the <see cref="WebhookUrlPolicy"/>.</summary>
/// <param name="Error">Why it was rejected; never contains the URL's path or query (the secret part).</param>
public sealed record WebhookUrlCheck(bool IsAllowed, string? Error, Uri? Uri)
{
    public static WebhookUrlCheck Allowed(Uri uri) => new(true, null, uri);

    public static WebhookUrlCheck Rejected(string error) => new(false, error, null);
}
