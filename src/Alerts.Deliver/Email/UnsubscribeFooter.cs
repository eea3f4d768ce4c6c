using System.Net;

namespace Alerts.Deliver.Email;

/// <summary>The visible unsubscribe link at the end of both parts of a notification mail (for readers whose client hides the header's).</summary>
public static class UnsubscribeFooter
{
    public static EmailContent Add(EmailContent content, Uri unsubscribe)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(unsubscribe);
        var text = content.TextBody.TrimEnd() + "\n\n--\nStop these alerts: " + unsubscribe.AbsoluteUri + "\n";
        var footer = "<hr><p style=\"font-size:small;color:#555\">You receive this because of a subscription to supply concentration alerts. "
            + "<a href=\"" + WebUtility.HtmlEncode(unsubscribe.AbsoluteUri) + "\">Unsubscribe</a></p>";
        var end = content.HtmlBody.LastIndexOf("</body>", StringComparison.OrdinalIgnoreCase);
        var html = end < 0 ? content.HtmlBody + footer : content.HtmlBody.Insert(end, footer);
        return content with { TextBody = text, HtmlBody = html };
    }
}
