using System.Globalization;
using System.Net;
using Alerts.Deliver.Rendering;
using Alerts.Route.Subscriptions;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Alerts.Deliver.Email;

/// <summary>
/// The verification mail of a new (or re-targeted) email subscription: the one mail a pending address gets, with the
/// confirm link. The link opens a page whose button confirms, so a mail scanner that follows links confirms nothing.
/// </summary>
public sealed class VerificationMailer(EmailNotifier smtp, SubscriptionLinks links, IOptions<EmailOptions> options, TimeProvider time) : IVerificationMailer
{
    public const string Subject = "Confirm your subscription to supply concentration alerts";

    public async Task<string?> SendAsync(Subscription subscription, string token, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        if (!MailboxAddress.TryParse(subscription.Target.Trim(), out var to))
        {
            return "invalid recipient address";
        }

        var confirm = links.Confirm(subscription.Id, token).AbsoluteUri;
        var expires = expiresAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
        var name = subscription.Name is { Length: > 0 } n ? $" \"{n}\"" : string.Empty;
        var text = $"Someone subscribed this address to supply concentration alerts{name}.\n\n"
            + $"To receive them, open this link and press Confirm (it works until {expires}):\n{confirm}\n\n"
            + "If this was not you, ignore this mail: nothing else will be sent to this address.\n";
        var html = $"<html><body><p>Someone subscribed this address to supply concentration alerts{WebUtility.HtmlEncode(name)}.</p>"
            + $"<p><a href=\"{WebUtility.HtmlEncode(confirm)}\">Confirm the subscription</a> (the link works until {expires}).</p>"
            + "<p>If this was not you, ignore this mail: nothing else will be sent to this address.</p></body></html>";
        var message = new MimeMessage
        {
            Subject = Subject,
            Date = time.GetUtcNow(),
            Body = new BodyBuilder { TextBody = text, HtmlBody = html }.ToMessageBody(),
        };
        message.From.Add(new MailboxAddress(options.Value.FromName, options.Value.From.Trim()));
        message.To.Add(to);
        message.Headers.Add("Auto-Submitted", "auto-generated");
        var outcome = await smtp.SendMessageAsync(message, cancellationToken);
        return outcome.Status == DeliveryStatus.Delivered ? null : outcome.Detail;
    }
}
