using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Alerts.Functions.Route;

public static class SubscriptionQuotaServiceCollectionExtensions
{
    public static IServiceCollection AddSubscriptionQuota(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SubscriptionQuotaOptions>()
            .Bind(configuration.GetSection(SubscriptionQuotaOptions.Section))
            .Validate(o => o.MaxPerOwner >= 1, $"{SubscriptionQuotaOptions.SettingName} must be at least 1.")
            .ValidateOnStart();
        services.AddSingleton<SubscriptionQuota>();
        return services;
    }
}
