using Alerts.Deliver.Charts;
using Alerts.Deliver.Email;
using Alerts.Deliver.Endpoints;
using Alerts.Deliver.History;
using Alerts.Deliver.Teams;
using Alerts.Route.Subscriptions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Alerts.Deliver;

/// <summary>Step 5, deliver: the delivery service, its history and endpoint health, and one registration per channel.</summary>
public static class DeliverServiceCollectionExtensions
{
    public static IServiceCollection AddDeliver(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DeliveryOptions>().Bind(configuration.GetSection(DeliveryOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DeliveryOptions>, DeliveryOptionsValidator>());
        services.TryAddSingleton<DeliveryHistoryStore>();
        services.TryAddSingleton<ISubscriptionJournal>(sp => sp.GetRequiredService<DeliveryHistoryStore>());
        services.TryAddSingleton<EndpointHealthStore>();
        services.TryAddSingleton<ISubscriptionHealth>(sp => sp.GetRequiredService<EndpointHealthStore>());
        services.TryAddSingleton<DeliveryService>();
        services.AddTrendCharts();
        services.AddEmailDelivery(configuration);
        services.AddTeamsDelivery(configuration);
        return services;
    }
}
