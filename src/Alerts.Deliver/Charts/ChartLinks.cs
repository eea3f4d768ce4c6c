using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Alerts.Deliver.Rendering;
using Alerts.Route.Subscriptions;
using Microsoft.Extensions.Options;

namespace Alerts.Deliver.Charts;

/// <summary>
/// Signed, expiring links to a chart image (<c>/api/charts/trend.png?...&amp;expires=&amp;sig=</c>), for channels that
/// cannot carry the image itself: a Teams card names an image URL that Teams fetches without signing in. The MAC
/// (HMAC-SHA256 with the link-signing key, purpose <c>chart</c>) covers the chart's parameters and the expiry, so a
/// link cannot be altered to show another series, and cannot be guessed.
/// </summary>
public sealed class ChartLinks(IOptions<SubscriptionTokenOptions> keys, IOptions<RenderingOptions> rendering, TimeProvider time)
{
    /// <summary>The route of the chart image function (under <c>/api</c>).</summary>
    public const string Route = "charts/trend.png";

    /// <summary>How long a card's image keeps working: a card stays in its channel, its text carries the numbers after that.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(30);

    public Uri Issue(ChartRequest chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var expires = time.GetUtcNow().Add(Lifetime).ToUnixTimeSeconds();
        var signature = Base64Url(Mac(Keys()[0], chart.Query, expires));
        return new Uri(rendering.Value.PublicBaseUrl.TrimEnd('/') + "/api/" + Route + "?" + chart.Query
            + "&expires=" + expires.ToString(CultureInfo.InvariantCulture) + "&sig=" + signature);
    }

    /// <summary>Whether <paramref name="signature"/> is genuine for the chart and expiry, and the expiry not past.</summary>
    public TokenCheck Check(ChartRequest chart, string? expires, string? signature)
    {
        ArgumentNullException.ThrowIfNull(chart);
        if (!long.TryParse(expires, NumberStyles.None, CultureInfo.InvariantCulture, out var expiry)
            || signature is null || signature.Length > 60 || !TryFromBase64Url(signature, out var mac))
        {
            return TokenCheck.Invalid;
        }

        var genuine = false;
        foreach (var key in Keys())
        {
            genuine |= CryptographicOperations.FixedTimeEquals(mac, Mac(key, chart.Query, expiry));
        }

        return !genuine ? TokenCheck.Invalid : time.GetUtcNow().ToUnixTimeSeconds() > expiry ? TokenCheck.Expired : TokenCheck.Valid;
    }

    private List<byte[]> Keys() => keys.Value.SigningKeys.Select(k => Encoding.UTF8.GetBytes(k.Trim())).ToList();

    private static byte[] Mac(byte[] key, string query, long expiry) =>
        HMACSHA256.HashData(key, Encoding.UTF8.GetBytes("chart\n" + query + "\n" + expiry.ToString(CultureInfo.InvariantCulture)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static bool TryFromBase64Url(string text, out byte[] bytes)
    {
        bytes = [];
        if (text.Length == 0 || !text.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            return false;
        }

        try
        {
            bytes = Convert.FromBase64String(text.Replace('-', '+').Replace('_', '/') + new string('=', (4 - text.Length % 4) % 4));
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
