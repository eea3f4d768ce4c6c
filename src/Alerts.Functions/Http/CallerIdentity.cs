using Microsoft.AspNetCore.Http;

namespace Alerts.Functions.Http;

/// <summary>
/// Who is calling. In Azure, App Service authentication (Easy Auth) sets the principal headers and strips any
/// the client sent; locally and in tests the header is set by the caller.
/// </summary>
internal static class CallerIdentity
{
    public const string HeaderName = "X-MS-CLIENT-PRINCIPAL-ID";

    public static string? Of(HttpRequest request)
    {
        var value = request.Headers[HeaderName].ToString().Trim();
        return value.Length is > 0 and <= 128 ? value : null;
    }
}
