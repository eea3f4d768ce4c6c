using System.Globalization;
using System.Net;
using System.Text;
using Alerts.Functions.Http.Identity;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Alerts.Functions.Web;

/// <summary>
/// The page shell and HTML encoding. Everything that comes from data or the request goes through <see cref="E"/>;
/// pages run no script, and the Content-Security-Policy says so, so an escaping slip cannot run code either.
/// </summary>
internal static class Html
{
    public const string Root = "/api/web";

    /// <summary>No script, no third-party anything; forms post only to this app.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    public static string E(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);

    /// <summary>An attribute-safe URL query value.</summary>
    public static string Q(string? text) => Uri.EscapeDataString(text ?? string.Empty);

    public static string Percent(double fraction) => double.IsFinite(fraction)
        ? (fraction * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%"
        : "-";

    public static string Number(double value, string format = "#,0") => double.IsFinite(value)
        ? value.ToString(format, CultureInfo.InvariantCulture)
        : "-";

    public static string Time(DateTimeOffset? at) => at?.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) ?? "-";

    /// <summary>The full page: skip link, header with navigation and the caller, one <c>main</c> landmark.</summary>
    public static ContentResult Page(HttpRequest request, string title, string current, CallerPrincipal? caller, string body, int status = 200)
    {
        ArgumentNullException.ThrowIfNull(request);
        var headers = request.HttpContext.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.CacheControl = "no-store";
        var sb = new StringBuilder(4096);
        sb.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>").Append(E(title)).Append(" - Alerts</title>")
            .Append("<link rel=\"stylesheet\" href=\"").Append(Root).Append("/assets/site.css\"></head><body>")
            .Append("<a class=\"skip\" href=\"#main\">Skip to content</a>")
            .Append("<header><a class=\"brand\" href=\"").Append(Root).Append("\">Alerts: EU raw-material supply concentration</a>")
            .Append("<nav aria-label=\"Main\"><ul>")
            .Append(NavItem("Overview", Root, current == "overview"))
            .Append(NavItem("My subscriptions", Root + "/subscriptions", current == "subscriptions"))
            .Append(caller is { IsAdmin: true } ? NavItem("Administration", Root + "/admin", current == "admin") : string.Empty)
            .Append("</ul></nav>");
        if (caller is not null)
        {
            sb.Append("<span class=\"who\">Signed in as ").Append(E(caller.UserId)).Append(caller.IsAdmin ? " (admin)" : string.Empty).Append("</span>");
        }

        sb.Append("</header><main id=\"main\" tabindex=\"-1\">").Append(body).Append("</main></body></html>");
        return new ContentResult { StatusCode = status, ContentType = "text/html; charset=utf-8", Content = sb.ToString() };
    }

    /// <summary>
    /// A caller nobody signed in: a browser asking for a page (GET or HEAD accepting <c>text/html</c>) is sent to App
    /// Service's Entra ID sign-in, which brings it back to the same page; anything else gets 401 as a page with the
    /// sign-in link. In Azure the pages are excluded from the platform's global 401 for exactly this (<c>infra/modules/auth.bicep</c>).
    /// </summary>
    public static IActionResult SignIn(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var back = SignInUrl(request.PathBase + request.Path + request.QueryString);
        if ((HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)) && AcceptsHtml(request))
        {
            request.HttpContext.Response.Headers.CacheControl = "no-store";
            return new RedirectResult(back, permanent: false);
        }

        return Page(request, "Sign in", string.Empty, null,
            "<h1>Sign in</h1><p>This page shows your own subscriptions, so it needs to know who you are.</p>"
            + "<p><a href=\"" + E(back) + "\">Sign in with Microsoft Entra ID</a></p>", StatusCodes.Status401Unauthorized);
    }

    /// <summary>App Service's sign-in, back to <paramref name="path"/> afterwards: always a path of this app, never another site.</summary>
    public static string SignInUrl(string path) =>
        "/.auth/login/aad?post_login_redirect_uri=" + Q(path.StartsWith(Root, StringComparison.OrdinalIgnoreCase) ? path : Root);

    private static bool AcceptsHtml(HttpRequest request) =>
        request.Headers.Accept.Any(a => a is not null && a.Contains("text/html", StringComparison.OrdinalIgnoreCase));

    public static ContentResult NotFound(HttpRequest request, CallerPrincipal? caller, string text) =>
        Page(request, "Not found", string.Empty, caller, "<h1>Not found</h1><p>" + E(text) + "</p>", StatusCodes.Status404NotFound);

    /// <summary>303 to a page of this app after a form post (post/redirect/get), with a notice for the next page.</summary>
    public static IActionResult SeeOther(string path, string? notice = null) =>
        new SeeOtherResult(Root + path + (notice is null ? string.Empty : (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "notice=" + Q(notice)));

    private static string NavItem(string text, string href, bool current) =>
        "<li><a href=\"" + href + "\"" + (current ? " aria-current=\"page\"" : string.Empty) + ">" + E(text) + "</a></li>";

    private sealed class SeeOtherResult(string url) : IActionResult
    {
        public Task ExecuteResultAsync(ActionContext context)
        {
            context.HttpContext.Response.StatusCode = StatusCodes.Status303SeeOther;
            context.HttpContext.Response.Headers.Location = url;
            return Task.CompletedTask;
        }
    }
}
