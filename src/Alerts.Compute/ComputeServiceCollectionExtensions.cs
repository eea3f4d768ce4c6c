using Alerts.Compute.Series;
using Alerts.Compute.Store;
using Alerts.Compute.SupplyRisk;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Alerts.Compute;

/// <summary>Step 2, compute: supply-risk inputs and the indices table.</summary>
public static class ComputeServiceCollectionExtensions
{
    public static IServiceCollection AddCompute(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSupplyRiskInputs(configuration);
        services.TryAddSingleton<IndicesStore>();
        return services;
    }
}
