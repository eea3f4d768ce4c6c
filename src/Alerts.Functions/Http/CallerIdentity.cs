using Alerts.Functions.Http.Identity;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Alerts.Functions.Http;

/// <summary>
/// Who is calling, as authentication concluded before the function ran (<see cref="CallerAuthenticator"/>: the App
/// Service principal or a validated bearer token). A request that was never authenticated has no caller: fail closed.
/// </summary>
public static class CallerIdentity
{
    /// <summary>The caller's owner key (identity provider + user id, <see cref="CallerPrincipal.OwnerKey"/>), or null: answer <see cref="Problems.Unauthorized"/>.</summary>
    public static string? Of(HttpRequest request) => PrincipalOf(request)?.OwnerKey;

    public static CallerPrincipal? PrincipalOf(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.HttpContext.Features.Get<CallerFeature>()?.Principal;
    }

    /// <summary>Null when the caller holds <see cref="CallerPrincipal.AdminRole"/>; else the 401 or 403 problem to return.</summary>
    public static IActionResult? RequireAdmin(HttpRequest request) => PrincipalOf(request) switch
    {
        null => Problems.Unauthorized(request),
        { IsAdmin: false } => Problems.Problem(request, StatusCodes.Status403Forbidden, "Admin role required.",
            $"This route needs the app role '{CallerPrincipal.AdminRole}' in the caller's role claims."),
        _ => null,
    };
}
