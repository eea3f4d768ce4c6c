using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Alerts.Route.Subscriptions;

/// <summary>What a signed link lets its holder do; a token for one never works for the other.</summary>
public enum TokenPurpose
{
    Verify,
    Unsubscribe,
}

/// <summary>The result of checking a link's token.</summary>
public enum TokenCheck
{
    Valid,

    /// <summary>Malformed, tampered with, signed by an unknown key, or issued for another subscription, target or purpose.</summary>
    Invalid,

    /// <summary>Genuine, but past its expiry.</summary>
    Expired,
}

/// <summary>
/// Signs and checks the tokens of verification and unsubscribe links: <c>{expiry}.{mac}</c>, where the MAC is
/// HMAC-SHA256 over purpose, subscription id, target and expiry. The target is in the MAC but not in the token,
/// so a link shows no address, and a changed target invalidates every link issued for the old one.
/// </summary>
public sealed class SubscriptionTokens(IOptions<SubscriptionTokenOptions> options)
{
    /// <summary>A token that signs with key 0 and never expires (unsubscribe links must keep working).</summary>
    public string Issue(TokenPurpose purpose, string subscriptionId, string target, DateTimeOffset? expiresAt = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(subscriptionId);
        ArgumentNullException.ThrowIfNull(target);
        var expiry = expiresAt?.ToUnixTimeSeconds() ?? 0;
        return expiry.ToString(CultureInfo.InvariantCulture) + "." + Base64Url(Mac(Keys()[0], purpose, subscriptionId, target, expiry));
    }

    /// <summary>Checks <paramref name="token"/> against the subscription it claims to be for, with every configured key.</summary>
    public TokenCheck Check(string? token, TokenPurpose purpose, string subscriptionId, string target, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrEmpty(subscriptionId);
        ArgumentNullException.ThrowIfNull(target);
        var dot = token?.IndexOf('.', StringComparison.Ordinal) ?? -1;
        if (token is null || token.Length > 200 || dot < 1
            || !long.TryParse(token.AsSpan(0, dot), NumberStyles.None, CultureInfo.InvariantCulture, out var expiry)
            || !TryFromBase64Url(token[(dot + 1)..], out var mac))
        {
            return TokenCheck.Invalid;
        }

        // Every key is tried, and compared in constant time, so timing tells nothing about which part was wrong.
        var genuine = false;
        foreach (var key in Keys())
        {
            genuine |= CryptographicOperations.FixedTimeEquals(mac, Mac(key, purpose, subscriptionId, target, expiry));
        }

        if (!genuine)
        {
            return TokenCheck.Invalid;
        }

        return expiry != 0 && now.ToUnixTimeSeconds() > expiry ? TokenCheck.Expired : TokenCheck.Valid;
    }

    private List<byte[]> Keys() => options.Value.SigningKeys.Select(k => Encoding.UTF8.GetBytes(k.Trim())).ToList();

    private static byte[] Mac(byte[] key, TokenPurpose purpose, string subscriptionId, string target, long expiry)
    {
        // Fields joined with a separator none of them can hold: ids, addresses and webhook URLs have no newline.
        var text = string.Join('\n', purpose.ToString(), subscriptionId, target.Trim(), expiry.ToString(CultureInfo.InvariantCulture));
        return HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(text));
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static bool TryFromBase64Url(string text, out byte[] bytes)
    {
        bytes = [];
        if (text.Length is 0 or > 100 || !text.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            return false;
        }

        var padded = text.Replace('-', '+').Replace('_', '/') + new string('=', (4 - text.Length % 4) % 4);
        try
        {
            bytes = Convert.FromBase64String(padded);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
