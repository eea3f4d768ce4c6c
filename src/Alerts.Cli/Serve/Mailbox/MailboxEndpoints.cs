using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Alerts.Cli.Serve.Mailbox;

/// <summary>
/// <c>GET /mailbox/</c>: the mails (<c>.eml</c>) and cards (<c>.json</c>) captured by the local stack, newest first;
/// <c>GET /mailbox/{file}</c>: one of them, a mail as it renders (its HTML part in a sandboxed frame) and a card's
/// text and JSON. Only with the embedded stack, on 127.0.0.1; every captured text is HTML-escaped.
/// </summary>
public static class MailboxEndpoints
{
    public const string Path = "/mailbox";

    // No script, no remote content; the mail's own HTML runs in a sandboxed srcdoc frame under the same policy.
    private const string Policy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-src 'self'; base-uri 'none'; form-action 'none'";

    public static IEndpointRouteBuilder MapMailbox(this IEndpointRouteBuilder endpoints, string directory)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var mailbox = new CapturedItems(directory);
        endpoints.MapGet(Path, context => WriteAsync(context, MailboxPage.Index(mailbox.List()))); // also /mailbox/
        endpoints.MapGet(Path + "/{file}", context =>
        {
            var file = (string)context.GetRouteValue("file")!;
            if (mailbox.Find(file) is not { } item)
            {
                return Results.Problem(title: "Not found.", detail: $"Nothing captured is called '{file}'.", statusCode: StatusCodes.Status404NotFound, instance: context.Request.Path)
                    .ExecuteAsync(context);
            }

            return WriteAsync(context, MailboxPage.Item(item));
        });
        return endpoints;
    }

    private static Task WriteAsync(HttpContext context, string html)
    {
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.Headers.ContentSecurityPolicy = Policy;
        context.Response.Headers.XContentTypeOptions = "nosniff";
        context.Response.Headers.CacheControl = "no-store";
        return context.Response.WriteAsync(html, context.RequestAborted);
    }
}
