namespace Alerts.Route.Subscriptions;

/// <summary>
/// Sends the verification mail of an email subscription. Defined here, implemented by the deliver step's email
/// channel (which owns SMTP and the public base URL of links), so routing never references delivery.
/// </summary>
public interface IVerificationMailer
{
    /// <summary>Sends the mail with the confirm link for <paramref name="token"/>; returns why it failed (redacted), or null when sent.</summary>
    Task<string?> SendAsync(Subscription subscription, string token, DateTimeOffset expiresAt, CancellationToken cancellationToken);
}
