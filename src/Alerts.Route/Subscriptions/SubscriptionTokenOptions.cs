namespace Alerts.Route.Subscriptions;

/// <summary>
/// Section <c>Subscriptions</c>: the keys that sign verification and unsubscribe links (app settings
/// <c>Subscriptions__SigningKeys__0</c> and, during a rotation, <c>Subscriptions__SigningKeys__1</c>; from Key
/// Vault references in Azure), the verification links' lifetime and the resend rate limit.
/// </summary>
public sealed class SubscriptionTokenOptions
{
    public const string SectionName = "Subscriptions";

    /// <summary>Shortest key accepted: 32 characters, i.e. at least 256 bits of a generated secret.</summary>
    public const int MinKeyLength = 32;

    /// <summary>
    /// Key 0 signs new links; key 1 (optional) is the previous key, still accepted so links already mailed keep
    /// working while a rotation is under way.
    /// </summary>
    public List<string> SigningKeys { get; } = [];

    /// <summary>How long a verification link works (default 7 days).</summary>
    public TimeSpan VerificationLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Shortest wait between two verification mails of one subscription (default 5 minutes).</summary>
    public TimeSpan ResendInterval { get; set; } = TimeSpan.FromMinutes(5);
}
