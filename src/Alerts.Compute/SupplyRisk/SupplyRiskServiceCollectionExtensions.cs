
using Alerts.Compute.Series;
using Alerts.Pull;
using Alerts.Pull.Sources;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Alerts.Compute.SupplyRisk;

/// <summary>Registration of the CRMA and supply-risk inputs (section <c>SupplyRisk</c>) and the step that applies them.</summary>
public static class SupplyRiskServiceCollectionExtensions
{
    /// <summary>
    /// <see cref="SupplyRiskInputs"/> from the files of settings <c>SupplyRisk:ProductionPath</c>, <c>SupplyRisk:WgiPath</c> and
    /// <c>SupplyRisk:ParametersPath</c> (validated at start); <c>AddCompute</c> adds <see cref="SupplyMetricsSource"/>, which also needs the stocks and the catalog.
    /// </summary>
    public static IServiceCollection AddSupplyRiskInputs(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SupplyRiskOptions>().Bind(configuration.GetSection(SupplyRiskOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SupplyRiskOptions>, SupplyRiskOptionsValidator>());
        services.TryAddSingleton(sp => SupplyRiskInputsLoader.Load(sp.GetRequiredService<IOptions<SupplyRiskOptions>>().Value));
        return services;
    }
}
