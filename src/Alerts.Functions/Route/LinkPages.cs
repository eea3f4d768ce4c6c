using System.Net;
using Microsoft.AspNetCore.Mvc;

namespace Alerts.Functions.Route;

/// <summary>
/// The small HTML pages behind the signed links of mails. A GET only shows a page whose button POSTs: mail
/// scanners and link previews fetch links, and must not confirm or unsubscribe anything by doing so.
/// </summary>
internal static class LinkPages
{
    public static ContentResult Form(string title, string text, string button, string action, string? field = null) =>
        Page(title, $"<p>{Encode(text)}</p><form method=\"post\" action=\"{Encode(action)}\">"
            + (field is null ? string.Empty : $"<input type=\"hidden\" name=\"{Encode(field.Split('=')[0])}\" value=\"{Encode(field.Split('=')[1])}\">")
            + $"<button type=\"submit\">{Encode(button)}</button></form>");

    public static ContentResult Done(string title, string text) => Page(title, $"<p>{Encode(text)}</p>");

    private static ContentResult Page(string title, string body) => new()
    {
        StatusCode = 200,
        ContentType = "text/html; charset=utf-8",
        Content = $"<!doctype html><html><head><meta charset=\"utf-8\"><meta name=\"robots\" content=\"noindex\"><title>{Encode(title)}</title></head>"
            + $"<body><h1>{Encode(title)}</h1>{body}</body></html>",
    };

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
