using Alerts.Pull.Catalog;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Alerts.Compute.Stockpiling;

/// <summary>Registration of the operator's stocks (section <c>Stockpiling</c>), validated at start.</summary>
public static class StockpilingServiceCollectionExtensions
{
    public static IServiceCollection AddStockpiling(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StockpilingOptions>().Bind(configuration.GetSection(StockpilingOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StockpilingOptions>, StockpilingOptionsValidator>());
        services.TryAddSingleton(sp => StockTableLoader.Load(sp.GetRequiredService<IOptions<StockpilingOptions>>().Value, sp.GetRequiredService<CommodityCatalog>()));
        return services;
    }
}
