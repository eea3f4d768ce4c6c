using Alerts.Deliver.Email;
using Alerts.Deliver.Teams;

namespace Alerts.Deliver.Rendering;

/// <summary>What rendering needs from configuration: <c>PublicBaseUrl</c>, and section <c>Notifications</c>.</summary>
public sealed class RenderingOptions
{
    public const string SectionName = "Notifications";

    /// <summary>The app setting for <see cref="PublicBaseUrl"/> (<c>Notifications:PublicBaseUrl</c> also works).</summary>
    public const string PublicBaseUrlSetting = "PublicBaseUrl";

    /// <summary>Base URL of the app, for the links in messages: the web page's view of an alert
    /// (<c>{PublicBaseUrl}/api/web/alerts/{fingerprint}</c>), subscription pages, signed links and chart images.</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:7071";

    /// <summary>How many top suppliers each alert shows.</summary>
    public int MaxSuppliers { get; set; } = 5;
}
