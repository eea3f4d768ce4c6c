using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Alerts.Route.Subscriptions;
using Microsoft.Extensions.Options;

namespace Alerts.Functions.Web;

/// <summary>
/// Anti-forgery tokens of the page's forms: <c>{expiry}.{HMAC-SHA256(link-signing key, "web-form", owner, expiry)}</c>.
/// The sign-in cookie rides along with any cross-site POST, so each form carries a token bound to its owner that
/// another site cannot read or make; a POST without a valid one changes nothing.
/// </summary>
public sealed class WebFormTokens(IOptions<SubscriptionTokenOptions> keys, TimeProvider time)
{
    public const string FieldName = "__form";

    /// <summary>How long a page's forms stay usable after it was served.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(8);

    public string Issue(string owner)
    {
        ArgumentException.ThrowIfNullOrEmpty(owner);
        var expiry = time.GetUtcNow().Add(Lifetime).ToUnixTimeSeconds();
        return expiry.ToString(CultureInfo.InvariantCulture) + "." + Convert.ToHexString(Mac(Keys()[0], owner, expiry));
    }

    public bool IsValid(string? token, string owner)
    {
        ArgumentException.ThrowIfNullOrEmpty(owner);
        var dot = token?.IndexOf('.', StringComparison.Ordinal) ?? -1;
        if (token is null || token.Length > 100 || dot < 1
            || !long.TryParse(token.AsSpan(0, dot), NumberStyles.None, CultureInfo.InvariantCulture, out var expiry)
            || expiry < time.GetUtcNow().ToUnixTimeSeconds())
        {
            return false;
        }

        byte[] mac;
        try
        {
            mac = Convert.FromHexString(token[(dot + 1)..]);
        }
        catch (FormatException)
        {
            return false;
        }

        var genuine = false;
        foreach (var key in Keys())
        {
            genuine |= CryptographicOperations.FixedTimeEquals(mac, Mac(key, owner, expiry));
        }

        return genuine;
    }

    private List<byte[]> Keys() => keys.Value.SigningKeys.Select(k => Encoding.UTF8.GetBytes(k.Trim())).ToList();

    private static byte[] Mac(byte[] key, string owner, long expiry) =>
        HMACSHA256.HashData(key, Encoding.UTF8.GetBytes("web-form\n" + owner + "\n" + expiry.ToString(CultureInfo.InvariantCulture)));
}
