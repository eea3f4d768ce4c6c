using Alerts.Deliver;
using Alerts.Deliver.Email;
using Alerts.Deliver.Endpoints;
using Alerts.Platform.Secrets;

namespace Alerts.Deliver.Teams;

/// <summary>Teams Workflows webhook settings, section <c>Teams</c>. Validated at startup.</summary>
public sealed class TeamsOptions
{
    public const string SectionName = "Teams";

    /// <summary>
    /// Allowed webhook hosts (<c>*.logic.azure.com</c> matches any sub-domain; other entries match exactly).
    /// Empty means <see cref="WebhookUrlPolicy.DefaultAllowedHosts"/>; configured entries replace the defaults.
    /// Configure as a list (<c>Teams__AllowedHosts__0</c>) or one comma-separated value (<c>Teams__AllowedHosts</c>).
    /// </summary>
    public IList<string> AllowedHosts { get; } = [];

    /// <summary>Development only: also allow http(s) to 127.0.0.1 / ::1 / localhost, for the local webhook listener.</summary>
    public bool AllowInsecureLoopback { get; set; }

    /// <summary>Budget for one POST. Default 30 seconds.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Wait before retrying a 429 that gives no Retry-After. Default 30 seconds.</summary>
    public TimeSpan DefaultRetryAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The policy these settings describe.</summary>
    public WebhookUrlPolicy ToPolicy() =>
        new(AllowedHosts.Count > 0 ? AllowedHosts : WebhookUrlPolicy.DefaultAllowedHosts, AllowInsecureLoopback);
}
