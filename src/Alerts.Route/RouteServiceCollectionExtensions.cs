using Alerts.Route.NotificationLog;
using Alerts.Route.Notifications;
using Alerts.Route.Routing;
using Alerts.Route.Silences;
using Alerts.Route.Subscriptions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Alerts.Route;

/// <summary>Step 4, route: subscriptions, silences, the notification log, the router and notification publishing.</summary>
public static class RouteServiceCollectionExtensions
{
    public static IServiceCollection AddRoute(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<List<Silence>>().Bind(configuration.GetSection("Silences"));
        services.TryAddSingleton(typeof(SubscriptionStore<>));
        services.TryAddSingleton<SubscriptionRequestValidator>();
        services.TryAddSingleton<SubscriptionService>();
        services.TryAddSingleton<NotificationLogStore>();
        services.TryAddSingleton<SilenceProvider>();
        services.TryAddSingleton<NotificationPublisher>();
        services.TryAddSingleton<RouteService>();
        return services;
    }
}
