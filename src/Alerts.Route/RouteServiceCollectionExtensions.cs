using Alerts.Route.Digests;
using Alerts.Route.Grouping;
using Alerts.Route.Held;
using Alerts.Route.NotificationLog;
using Alerts.Route.Notifications;
using Alerts.Route.Outbox;
using Alerts.Route.Routing;
using Alerts.Route.Silences;
using Alerts.Route.Subscriptions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Alerts.Route;

/// <summary>Step 4, route: subscriptions, silences, the notification log, the router and notification publishing.</summary>
public static class RouteServiceCollectionExtensions
{
    public static IServiceCollection AddRoute(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSilences(configuration);
        services.TryAddSingleton(typeof(SubscriptionStore<>));
        services.TryAddSingleton<SubscriptionRequestValidator>();
        services.TryAddSingleton<SubscriptionService>();
        services.AddOptions<SubscriptionTokenOptions>().Bind(configuration.GetSection(SubscriptionTokenOptions.SectionName)).ValidateOnStart();
        services.TryAddSingleton<SubscriptionTokenOptionsValidator>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SubscriptionTokenOptions>, SubscriptionTokenOptionsValidator>(sp => sp.GetRequiredService<SubscriptionTokenOptionsValidator>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<SubscriptionTokenOptions>, SubscriptionTokenOptionsValidator>(sp => sp.GetRequiredService<SubscriptionTokenOptionsValidator>()));
        services.TryAddSingleton<SubscriptionTokens>();
        services.TryAddSingleton<SubscriptionVerification>();
        services.TryAddSingleton<SubscriptionUnsubscriber>();
        services.TryAddSingleton<SubscriptionUpdates>();
        services.TryAddSingleton<SubscriptionTestSend>();
        services.TryAddSingleton<FiringAlerts>();
        services.TryAddSingleton<CurrentAlertsSender>();
        services.TryAddSingleton<SubscriptionActivation>();
        services.TryAddSingleton<NotificationLogStore>();
        services.TryAddSingleton<HeldNotificationStore>();
        services.TryAddSingleton<HeldNotifications>();
        services.TryAddSingleton<NotificationPublisher>();
        services.TryAddSingleton<HeldGroupStore>();
        services.TryAddSingleton<GroupHold>();
        services.TryAddSingleton<DigestService>();
        services.TryAddSingleton<OutboxStore>();
        services.TryAddSingleton<NotificationOutbox>();
        services.TryAddSingleton<RouteService>();
        return services;
    }
}
