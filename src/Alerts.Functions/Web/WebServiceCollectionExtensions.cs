using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Alerts.Functions.Web;

/// <summary>Registers what the analysts' pages read with: the materials overview and the form tokens.</summary>
public static class WebServiceCollectionExtensions
{
    public static IServiceCollection AddWebPages(this IServiceCollection services)
    {
        services.TryAddSingleton<MaterialOverview>();
        services.TryAddSingleton<WebFormTokens>();
        return services;
    }
}
