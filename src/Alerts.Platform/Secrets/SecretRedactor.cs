using System.Text.RegularExpressions;

namespace Alerts.Platform.Secrets;

/// <summary>
/// Masks secrets before text reaches a log, an exception message or a delivery outcome: webhook URLs keep
/// scheme and host only, email addresses lose their local part, and connection-string passwords and keys
/// are replaced. <see cref="Redact"/> does all three on free text.
/// </summary>
public static partial class SecretRedactor
{
    public const string Mask = "***";

    /// <summary><c>https://host/***</c>: the path and query of a webhook URL carry its signature.</summary>
    public static string RedactUrl(string? url)
    {
        if (string.IsNullOrEmpty(url))
        {
            return string.Empty;
        }

        return Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) && uri.Host.Length > 0
            ? uri.Scheme + "://" + uri.Host + (uri.IsDefaultPort ? string.Empty : ":" + uri.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)) + "/" + Mask
            : Mask;
    }

    /// <summary><c>***@example.com</c>.</summary>
    public static string RedactEmail(string? address)
    {
        if (string.IsNullOrEmpty(address))
        {
            return string.Empty;
        }

        var at = address.LastIndexOf('@');
        return at < 0 ? Mask : Mask + address[at..];
    }

    /// <summary>Masks the values of secret keys (<c>Password</c>, <c>AccountKey</c>, <c>SharedAccessKey</c>, ...) in a connection string.</summary>
    public static string RedactConnectionString(string? connectionString) =>
        string.IsNullOrEmpty(connectionString) ? string.Empty : SecretKeyValue().Replace(connectionString, m => m.Groups["key"].Value + "=" + Mask);

    /// <summary>Redacts every URL, email address and connection-string secret found in free text.</summary>
    public static string Redact(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var result = SecretKeyValue().Replace(text, m => m.Groups["key"].Value + "=" + Mask);
        result = UrlInText().Replace(result, m => RedactUrl(m.Value));
        result = EmailInText().Replace(result, m => Mask + "@" + m.Groups["domain"].Value);
        return result;
    }

    [GeneratedRegex(@"(?<key>\b(?:password|pwd|passwd|accountkey|sharedaccesskey|sharedaccesssignature|sig|secret|clientsecret|apikey|api-key|access_token|token)\b)\s*=\s*(?:""[^""]*""|'[^']*'|[^;&\s""']+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SecretKeyValue();

    [GeneratedRegex(@"\b[a-z][a-z0-9+.-]*://[^\s""'<>]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UrlInText();

    [GeneratedRegex(@"[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+@(?<domain>[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)", RegexOptions.CultureInvariant)]
    private static partial Regex EmailInText();
}
