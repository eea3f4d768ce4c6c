using Alerts.Platform.Bus;
using Alerts.Platform.Identity;
using Alerts.Platform.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Alerts.Platform;

/// <summary>
/// The plumbing every step stands on: the clock, the one Azure credential, the storage account and the Service Bus
/// client with its drain.
/// </summary>
public static class PlatformServiceCollectionExtensions
{
    public static IServiceCollection AddPlatform(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddAlertsAzureIdentity(configuration);
        services.AddAlertsStorage(configuration);
        services.AddAlertsServiceBus(configuration);
        services.AddOptions<DrainOptions>().Bind(configuration.GetSection("Drain")).Validate(o => { o.Validate(); return true; }).ValidateOnStart();
        return services;
    }
}
