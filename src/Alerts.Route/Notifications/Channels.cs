using Alerts.Platform.Secrets;

namespace Alerts.Route.Notifications;

/// <summary>The delivery channels; each has the same shape under <c>Alerts.Deliver/&lt;Channel&gt;</c>.</summary>
public static class Channels
{
    public const string Email = "email";
    public const string Teams = "teams";

    public static readonly IReadOnlyList<string> All = [Email, Teams];

    /// <summary>A target as it may be shown: webhook URL or email address, redacted for its channel.</summary>
    public static string RedactTarget(string channel, string? target) => channel switch
    {
        Email => SecretRedactor.RedactEmail(target),
        Teams => SecretRedactor.RedactUrl(target),
        _ => SecretRedactor.Redact(target),
    };
}
