using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Alerts.Functions.Http.Identity;

/// <summary>
/// Decides who sent a request, once, before the function runs (the worker middleware in Azure, serve's endpoint
/// locally) and keeps the answer as a <see cref="CallerFeature"/>:
/// the App Service principal headers where App Service authentication is on (the platform strips forged ones) or in
/// Development; else a valid bearer token where validation is configured; else nobody.
/// </summary>
public sealed class CallerAuthenticator(IOptions<CallerAuthenticationOptions> options, IServiceProvider services)
{
    // Without a host environment nothing says Development: the headers are then trusted only behind App Service authentication.
    private readonly bool _trustHeaders = options.Value.AppServiceAuthentication || services.GetService<IHostEnvironment>()?.IsDevelopment() == true;
    private readonly BearerTokenValidator? _bearer = options.Value.BearerConfigured ? services.GetRequiredService<BearerTokenValidator>() : null;

    public async Task<CallerPrincipal?> AuthenticateAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var principal = await FindAsync(context.Request).ConfigureAwait(false);
        context.Features.Set(new CallerFeature(principal));
        return principal;
    }

    private async Task<CallerPrincipal?> FindAsync(HttpRequest request)
    {
        if (_trustHeaders && ClientPrincipalHeader.Read(request.Headers) is { } fromPlatform)
        {
            return fromPlatform;
        }

        var authorization = request.Headers.Authorization.ToString();
        if (_bearer is not null && authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && authorization.Length > 7)
        {
            return await _bearer.ValidateAsync(authorization[7..].Trim(), request.HttpContext.RequestAborted).ConfigureAwait(false);
        }

        return null;
    }
}
