using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Alerts.Functions.Http.Identity;

public static class IdentityServiceCollectionExtensions
{
    /// <summary>Caller authentication, checked at start-up (fail closed outside Development).</summary>
    public static IServiceCollection AddCallerIdentity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CallerAuthenticationOptions>()
            .Bind(configuration.GetSection(CallerAuthenticationOptions.Section))
            .Configure(o => o.AppServiceAuthentication = bool.TryParse(configuration[CallerAuthenticationOptions.AppServiceAuthenticationSetting], out var on) && on)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<CallerAuthenticationOptions>, CallerAuthenticationValidator>();
        services.AddSingleton<BearerTokenValidator>();
        services.AddSingleton<CallerAuthenticator>();
        return services;
    }
}
