using Alerts.Core.Routing;
using Alerts.Core.Rules;
using Alerts.Pipeline.Catalog;
using Alerts.Pipeline.Delivery;
using Alerts.Pipeline.Delivery.Email;
using Alerts.Pipeline.Delivery.Teams;
using Alerts.Pipeline.Messaging;
using Alerts.Pipeline.Pull;
using Alerts.Pipeline.Routing;
using Alerts.Pipeline.Statistics;
using Alerts.Pipeline.Statistics.Comext;
using Alerts.Pipeline.Statistics.Comtrade;
using Alerts.Pipeline.Storage;
using Alerts.Pipeline.Subscriptions;
using Alerts.Pipeline.SupplyRisk;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Alerts.Pipeline;

/// <summary>The whole application, one registration per area; used by the Functions host, the CLI and the tests.</summary>
public static class AlertsServiceCollectionExtensions
{
    public static IServiceCollection AddAlerts(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddTradeStatistics(configuration);   // 1 pull: Comext / Comtrade clients
        services.AddAlertsStorage(configuration);     // snapshots, indices, alerts, subscriptions, logs
        services.AddAlertRules(configuration);        // 3 evaluate: rules
        services.AddAlertsServiceBus(configuration);  // breaches and notifications topics
        services.AddEmailDelivery(configuration);     // channel: email
        services.AddTeamsDelivery(configuration);     // channel: teams
        services.AddPipelineSteps(configuration);     // the steps themselves
        return services;
    }

    /// <summary>The active rule set: defaults overridden by section <c>Rules</c>; invalid rules fail at start, naming rule and field.</summary>
    public static IServiceCollection AddAlertRules(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(_ =>
        {
            var definitions = configuration.GetSection("Rules").Get<List<RuleDefinition>>() ?? [];
            return new RuleEvaluator(RuleSetBuilder.Build(DefaultRules.All, definitions, "setting Rules"));
        });
        return services;
    }

    /// <summary>
    /// The commodity catalog: the shipped one with the operator file of setting <c>Catalog:Path</c> applied
    /// (entries added or replacing same-id ones); a missing or malformed file fails at start, naming file and JSON path.
    /// </summary>
    public static IServiceCollection AddCommodityCatalog(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CatalogOptions>().Bind(configuration.GetSection(CatalogOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CatalogOptions>, CatalogOptionsValidator>());
        services.TryAddSingleton(sp => CatalogLoader.Load(sp.GetRequiredService<IOptions<CatalogOptions>>().Value));
        return services;
    }

    private static IServiceCollection AddPipelineSteps(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PullOptions>().Bind(configuration.GetSection(PullOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<DrainOptions>().Bind(configuration.GetSection("Drain")).Validate(o => { o.Validate(); return true; }).ValidateOnStart();
        services.AddOptions<DeliveryOptions>().Bind(configuration.GetSection(DeliveryOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DeliveryOptions>, DeliveryOptionsValidator>());
        services.AddOptions<List<Silence>>().Bind(configuration.GetSection("Silences"));
        services.AddCommodityCatalog(configuration);
        services.AddSupplyRiskInputs(configuration);
        services.TryAddEnumerable(ServiceDescriptor.Transient<ITradeSource, ComextSource>());
        services.TryAddEnumerable(ServiceDescriptor.Transient<ITradeSource, ComtradeSource>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PullOptions>, PullOptionsValidator>());
        services.TryAddSingleton<SeriesProcessor>();
        services.TryAddTransient<CommoditySeries>();
        services.TryAddTransient<PullService>();
        services.TryAddSingleton<SilenceProvider>();
        services.TryAddSingleton<RouteService>();
        services.TryAddSingleton<DeliveryService>();
        services.TryAddSingleton<SubscriptionService>();
        services.AddHostedService<StorageInitializer>();
        return services;
    }
}
