using MailKit.Security;

namespace Alerts.Deliver.Email;

/// <summary>SMTP settings, section <c>Smtp</c> (app settings <c>Smtp__Host</c>, ...). Validated at startup.</summary>
public sealed class EmailOptions
{
    public const string SectionName = "Smtp";

    /// <summary>SMTP server host name. Required.</summary>
    public string Host { get; set; } = string.Empty;

    /// <summary>Default 587 (submission).</summary>
    public int Port { get; set; } = 587;

    /// <summary>Sender address. Required.</summary>
    public string From { get; set; } = string.Empty;

    /// <summary>Sender display name.</summary>
    public string FromName { get; set; } = "Supply concentration alerts";

    /// <summary>Optional; set together with <see cref="Password"/>.</summary>
    public string? UserName { get; set; }

    /// <summary>A secret: never logged.</summary>
    public string? Password { get; set; }

    /// <summary>
    /// TLS mode. Default <c>Auto</c>: TLS on connect for port 465, STARTTLS when offered otherwise. With
    /// <see cref="UserName"/> set only <c>StartTls</c> or <c>SslOnConnect</c> are accepted (startup error otherwise), so the
    /// password never goes out in plain text; <c>None</c> for a local sink without credentials.
    /// </summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.Auto;

    /// <summary>Budget for one delivery (connect, authenticate, send). Default 30 seconds.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
