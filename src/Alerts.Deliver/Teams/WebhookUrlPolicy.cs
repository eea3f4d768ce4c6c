using System.Globalization;
using System.Net;
using Alerts.Deliver;
using Alerts.Deliver.Email;
using Alerts.Deliver.Endpoints;
using Alerts.Platform.Secrets;

namespace Alerts.Deliver.Teams;

/// <summary>
/// Which webhook URLs subscriptions may use: https on port 443, a host from the allowed list, no IP literal
/// that is not public. With <see cref="AllowInsecureLoopback"/> (development only), http or https to
/// 127.0.0.1, ::1 or localhost is also allowed, so the local webhook listener works.
/// </summary>
public sealed class WebhookUrlPolicy
{
    public const int MaxUrlLength = 2048;

    /// <summary>
    /// Hosts of Teams Workflows (Power Automate) webhook URLs: the classic <c>prod-NN.region.logic.azure.com</c>,
    /// the newer <c>*.environment.api.powerplatform.com</c>, and the retired Office 365 connector host.
    /// </summary>
    public static readonly IReadOnlyList<string> DefaultAllowedHosts =
    [
        "*.logic.azure.com",
        "*.api.powerplatform.com",
        "*.environment.api.powerplatform.com",
        "*.webhook.office.com",
    ];

    private readonly string[] _patterns;

    public WebhookUrlPolicy(IEnumerable<string> allowedHosts, bool allowInsecureLoopback)
    {
        ArgumentNullException.ThrowIfNull(allowedHosts);
        _patterns = [.. allowedHosts.Select(NormalizeHost).Where(h => h.Length > 0).Distinct(StringComparer.Ordinal)];
        AllowInsecureLoopback = allowInsecureLoopback;
    }

    /// <summary>The production policy with the default hosts.</summary>
    public static WebhookUrlPolicy Default { get; } = new(DefaultAllowedHosts, allowInsecureLoopback: false);

    public IReadOnlyList<string> AllowedHosts => _patterns;

    public bool AllowInsecureLoopback { get; }

    public WebhookUrlCheck Check(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return WebhookUrlCheck.Rejected("a webhook URL is required");
        }

        if (url.Length > MaxUrlLength)
        {
            return WebhookUrlCheck.Rejected(string.Create(CultureInfo.InvariantCulture, $"the webhook URL is longer than {MaxUrlLength} characters"));
        }

        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            return WebhookUrlCheck.Rejected("the webhook URL is not an absolute http(s) URL");
        }

        if (uri.UserInfo.Length > 0)
        {
            return WebhookUrlCheck.Rejected("the webhook URL must not contain user credentials");
        }

        var host = NormalizeHost(uri.IdnHost);
        var address = uri.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6 && IPAddress.TryParse(host.Trim('[', ']'), out var a) ? a : null;
        var loopback = host == "localhost" || (address is not null && NetworkAddresses.IsLoopback(address));
        if (AllowInsecureLoopback && loopback)
        {
            return WebhookUrlCheck.Allowed(uri);
        }

        if (uri.Scheme != Uri.UriSchemeHttps)
        {
            return WebhookUrlCheck.Rejected("the webhook URL must use https");
        }

        if (address is not null && !NetworkAddresses.IsPublic(address))
        {
            return WebhookUrlCheck.Rejected("the webhook URL must not point to a private, loopback, link-local, unique-local or unspecified address");
        }

        if (!uri.IsDefaultPort && uri.Port != 443)
        {
            return WebhookUrlCheck.Rejected("the webhook URL must use port 443");
        }

        if (!IsAllowedHost(host))
        {
            return WebhookUrlCheck.Rejected($"the webhook host '{host}' is not allowed (allowed: {string.Join(", ", _patterns)})");
        }

        return WebhookUrlCheck.Allowed(uri);
    }

    /// <summary>Whether a resolved address may be connected to: public, or loopback in development mode.</summary>
    public bool IsAllowedAddress(IPAddress address) =>
        NetworkAddresses.IsPublic(address) || (AllowInsecureLoopback && NetworkAddresses.IsLoopback(address));

    public bool IsAllowedHost(string host)
    {
        var h = NormalizeHost(host);
        foreach (var p in _patterns)
        {
            if (p.StartsWith("*.", StringComparison.Ordinal)
                    ? h.Length > p.Length - 1 && h.EndsWith(p[1..], StringComparison.Ordinal)
                    : string.Equals(h, p, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    // A trailing dot names the same host; without this "evil.example." would bypass an exact-match entry.
    private static string NormalizeHost(string host) => host.Trim().TrimEnd('.').ToLowerInvariant();
}
