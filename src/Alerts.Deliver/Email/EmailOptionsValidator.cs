using Alerts.Deliver;
using Alerts.Deliver.Endpoints;
using Alerts.Deliver.Teams;
using Alerts.Platform.Secrets;
using MailKit.Security;
using Microsoft.Extensions.Options;

namespace Alerts.Deliver.Email;

/// <summary>Startup check of <see cref="EmailOptions"/>: every message names the setting (<c>Smtp:Host is required</c>).</summary>
public sealed class EmailOptionsValidator : IValidateOptions<EmailOptions>
{
    private const string S = EmailOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, EmailOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Host))
        {
            errors.Add($"{S}:Host is required (the SMTP server's host name)");
        }

        if (options.Port is < 1 or > 65535)
        {
            errors.Add($"{S}:Port must be between 1 and 65535");
        }

        if (string.IsNullOrWhiteSpace(options.From))
        {
            errors.Add($"{S}:From is required (the sender address)");
        }
        else if (!EmailAddresses.IsValid(options.From.Trim()))
        {
            errors.Add($"{S}:From is not a valid email address");
        }

        if (string.IsNullOrEmpty(options.UserName) != string.IsNullOrEmpty(options.Password))
        {
            errors.Add($"{S}:UserName and {S}:Password must be set together");
        }

        if (options.Timeout < TimeSpan.FromSeconds(1) || options.Timeout > TimeSpan.FromMinutes(5))
        {
            errors.Add($"{S}:Timeout must be between 00:00:01 and 00:05:00");
        }

        if (!Enum.IsDefined(options.Security))
        {
            errors.Add($"{S}:Security must be one of None, Auto, SslOnConnect, StartTls, StartTlsWhenAvailable");
        }
        else if (!string.IsNullOrEmpty(options.UserName) && options.Security is not (SecureSocketOptions.StartTls or SecureSocketOptions.SslOnConnect))
        {
            // Auto and StartTlsWhenAvailable fall back to plain text when the server does not offer STARTTLS, so a man
            // in the middle who strips the offer would read the password; with credentials only mandatory TLS will do.
            errors.Add($"{S}:Security must be StartTls or SslOnConnect when {S}:UserName is set ({options.Security} would send the password unencrypted to a server that does not offer TLS)");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
