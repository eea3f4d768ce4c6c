using Alerts.Compute.Series;
using Alerts.Compute.Stockpiling;
using Alerts.Compute.Store;
using Alerts.Compute.SupplyRisk;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Alerts.Compute;

/// <summary>Step 2, compute: supply-risk inputs, the indices table and the compute of one series.</summary>
public static class ComputeServiceCollectionExtensions
{
    public static IServiceCollection AddCompute(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSupplyRiskInputs(configuration);
        services.AddStockpiling(configuration);
        services.TryAddSingleton<SupplyMetricsSource>();
        services.TryAddSingleton<IndicesStore>();
        services.TryAddSingleton<SeriesCommodities>();
        services.TryAddSingleton<ComputeStep>();
        return services;
    }
}
