using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Alerts.Functions.Http.Identity;

/// <summary>
/// Fail closed: outside Development the app does not start unless something it can trust vouches for callers,
/// because otherwise anyone holding the shared function key could claim any identity.
/// A container without a host environment (the CLI's demo pipeline) serves no HTTP, so it has no callers to check;
/// <see cref="CallerAuthenticator"/> trusts no header there either.
/// </summary>
public sealed class CallerAuthenticationValidator(IServiceProvider services) : IValidateOptions<CallerAuthenticationOptions>
{
    public ValidateOptionsResult Validate(string? name, CallerAuthenticationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (services.GetService(typeof(IHostEnvironment)) is not IHostEnvironment environment)
        {
            return ValidateOptionsResult.Success;
        }

        var bearerPartial = !options.BearerConfigured && (!string.IsNullOrWhiteSpace(options.Bearer.Issuer) || !string.IsNullOrWhiteSpace(options.Bearer.Audience));
        if (bearerPartial)
        {
            return ValidateOptionsResult.Fail("Bearer-token validation needs both Auth__Bearer__Issuer and Auth__Bearer__Audience; only one is set.");
        }

        if (environment.IsDevelopment() || options.AppServiceAuthentication || options.BearerConfigured)
        {
            return ValidateOptionsResult.Success;
        }

        return ValidateOptionsResult.Fail(
            $"Callers cannot be identified in environment '{environment.EnvironmentName}': enable App Service authentication " +
            $"({CallerAuthenticationOptions.AppServiceAuthenticationSetting}=true) or configure bearer-token validation " +
            "(Auth__Bearer__Issuer and Auth__Bearer__Audience). The app refuses to start rather than trust identity headers anyone can send.");
    }
}
