using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Alerts.Deliver.Charts;

/// <summary>Registers the trend charts the channels and the web page share.</summary>
public static class ChartsExtensions
{
    public static IServiceCollection AddTrendCharts(this IServiceCollection services)
    {
        services.TryAddSingleton<TrendReader>();
        services.TryAddSingleton<ChartLinks>();
        services.TryAddSingleton<AlertCharts>();
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }
}
