using Alerts.Deliver;
using Alerts.Deliver.Endpoints;
using Alerts.Deliver.Teams;
using Alerts.Platform.Secrets;

namespace Alerts.Deliver.Email;

/// <summary>
/// The email addresses subscriptions accept: a plain ASCII <c>local@domain.tld</c>, no display name, no
/// quoted local part, no IP-literal domain. Deliberately stricter than RFC 5322, so what is accepted is
/// what any SMTP server takes.
/// </summary>
public static class EmailAddresses
{
    public const int MaxLength = 254;

    private const string LocalChars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+-/=?^_`{|}~.";

    public static bool IsValid(string? address)
    {
        if (string.IsNullOrEmpty(address) || address.Length > MaxLength)
        {
            return false;
        }

        var at = address.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at != address.LastIndexOf('@') || at > 64)
        {
            return false;
        }

        var local = address[..at];
        var domain = address[(at + 1)..];
        if (local.StartsWith('.') || local.EndsWith('.') || local.Contains("..", StringComparison.Ordinal) || local.Any(c => !LocalChars.Contains(c, StringComparison.Ordinal)))
        {
            return false;
        }

        var labels = domain.Split('.');
        return labels.Length >= 2
               && labels.All(l => l.Length is > 0 and <= 63 && !l.StartsWith('-') && !l.EndsWith('-') && l.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
               && !labels[^1].All(char.IsAsciiDigit);
    }
}
