using Alerts.Pull.Catalog;
using Alerts.Pull.Snapshots;
using Alerts.Pull.Sources;
using Alerts.Pull.Sources.Comext;
using Alerts.Pull.Sources.Comtrade;
using Alerts.Pull.State;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Alerts.Pull;

/// <summary>Step 1, pull: what to pull (<c>Pull</c>), the sources, the catalog, snapshots, raw payloads and pull state.</summary>
public static class PullServiceCollectionExtensions
{
    public static IServiceCollection AddPull(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PullOptions>().Bind(configuration.GetSection(PullOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PullOptions>, PullOptionsValidator>());
        services.AddTradeStatistics(configuration);
        services.TryAddEnumerable(ServiceDescriptor.Transient<ITradeSource, ComextSource>());
        services.TryAddEnumerable(ServiceDescriptor.Transient<ITradeSource, ComtradeSource>());
        services.TryAddTransient<IMirrorExportSource, ComtradeSource>();
        services.AddCommodityCatalog(configuration);
        services.TryAddSingleton<SnapshotStore>();
        services.TryAddSingleton<RawArchive>();
        services.TryAddSingleton<PullStateStore>();
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
}
