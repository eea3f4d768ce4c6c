using MimeKit;

namespace Alerts.Deliver.Email;

/// <summary>
/// The list headers large mailbox providers require of bulk senders: RFC 2369 <c>List-Unsubscribe</c> with the signed
/// HTTPS link, RFC 8058 <c>List-Unsubscribe-Post</c> (one click: the provider POSTs, no page, no sign-in),
/// RFC 2919 <c>List-Id</c>, and RFC 3834 <c>Auto-Submitted</c> so auto-responders do not answer an alert.
/// </summary>
public static class ListHeaders
{
    public const string OneClick = "List-Unsubscribe=One-Click";

    public static void Add(MimeMessage message, Uri unsubscribe, string fromDomain)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(unsubscribe);
        message.Headers.Add("List-Unsubscribe", "<" + unsubscribe.AbsoluteUri + ">");
        message.Headers.Add("List-Unsubscribe-Post", OneClick);
        message.Headers.Add("List-Id", "Supply concentration alerts <alerts." + fromDomain + ">");
        message.Headers.Add("Auto-Submitted", "auto-generated");
    }
}
