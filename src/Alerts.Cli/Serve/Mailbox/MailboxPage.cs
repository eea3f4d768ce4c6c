using System.Globalization;
using System.Net;
using System.Text;

namespace Alerts.Cli.Serve.Mailbox;

/// <summary>The mailbox's HTML: a list, and one item. Everything taken from a capture goes through <see cref="WebUtility.HtmlEncode"/>.</summary>
internal static class MailboxPage
{
    private const string Style = "body{font-family:system-ui,sans-serif;margin:2rem;max-width:60rem}table{border-collapse:collapse;width:100%}"
        + "td,th{text-align:left;padding:.3rem .6rem;border-bottom:1px solid #ddd}iframe{width:100%;height:40rem;border:1px solid #ccc}"
        + "pre{background:#f6f6f6;padding:1rem;overflow:auto}.card{border:1px solid #ccc;border-radius:6px;padding:1rem}";

    public static string Index(IReadOnlyList<CapturedItem> items)
    {
        var html = Start("Alerts - local mailbox");
        html.Append("<h1>Local mailbox</h1><p>Mails sent to the local SMTP server and cards posted to the local webhook listener, newest first. Reload to see new ones.</p>");
        if (items.Count == 0)
        {
            html.Append("<p><em>Nothing yet.</em></p>");
        }
        else
        {
            html.Append("<table><tr><th>Received (UTC)</th><th>Kind</th><th>To</th><th>Subject / card</th></tr>");
            foreach (var item in items)
            {
                var (kind, to, title) = item switch
                {
                    CapturedMail m => ("mail", m.To, m.Subject),
                    CapturedCard c => ("card", c.Path, c.Lines.FirstOrDefault() ?? "(card)"),
                    _ => ("?", "", ""),
                };
                html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(item.Received.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture))}</td><td>{kind}</td><td>{E(to)}</td>")
                    .Append(CultureInfo.InvariantCulture, $"<td><a href=\"{MailboxEndpoints.Path}/{E(Uri.EscapeDataString(item.Name))}\">{E(title)}</a></td></tr>");
            }

            html.Append("</table>");
        }

        return End(html);
    }

    public static string Item(CapturedItem item)
    {
        var html = Start("Alerts - " + item.Name);
        html.Append(CultureInfo.InvariantCulture, $"<p><a href=\"{MailboxEndpoints.Path}/\">&larr; mailbox</a></p>");
        switch (item)
        {
            case CapturedMail mail:
                html.Append(CultureInfo.InvariantCulture, $"<h1>{E(mail.Subject)}</h1><table><tr><th>From</th><td>{E(mail.From)}</td></tr><tr><th>To</th><td>{E(mail.To)}</td></tr>")
                    .Append(CultureInfo.InvariantCulture, $"<tr><th>Date</th><td>{E(mail.Received.ToString("R", CultureInfo.InvariantCulture))}</td></tr></table>");

                // The mail as it renders: its HTML in a sandboxed frame (no scripts, no same-origin), escaped into srcdoc.
                html.Append(mail.Html is not null
                    ? $"<iframe sandbox=\"\" title=\"mail\" srcdoc=\"{E(mail.Html)}\"></iframe>"
                    : $"<pre>{E(mail.Text ?? "")}</pre>");
                if (mail.Html is not null && mail.Text is not null)
                {
                    html.Append(CultureInfo.InvariantCulture, $"<details><summary>Plain-text part</summary><pre>{E(mail.Text)}</pre></details>");
                }

                break;
            case CapturedCard card:
                html.Append(CultureInfo.InvariantCulture, $"<h1>Card posted to {E(card.Path)}</h1><div class=\"card\">");
                foreach (var line in card.Lines)
                {
                    html.Append(CultureInfo.InvariantCulture, $"<p>{E(line)}</p>");
                }

                html.Append(CultureInfo.InvariantCulture, $"</div><details><summary>JSON</summary><pre>{E(card.Json)}</pre></details>");
                break;
        }

        return End(html);
    }

    private static StringBuilder Start(string title) =>
        new StringBuilder("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
            .Append(E(title)).Append("</title><style>").Append(Style).Append("</style></head><body>");

    private static string End(StringBuilder html) => html.Append("</body></html>").ToString();

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
