using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Alerts.Functions.Pull.Recalculations;

public static class RecalculationServiceCollectionExtensions
{
    /// <summary>Asynchronous recalculation: the runs table, the queue requests go to, the worker and the pull lease.</summary>
    public static IServiceCollection AddRecalculations(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RecalculationOptions>()
            .Bind(configuration.GetSection(RecalculationOptions.Section))
            .Validate(o => o.PerCallerLimit >= 1 && o.RateWindow > TimeSpan.Zero && o.RunsPerDrain >= 1,
                "Recalculations__PerCallerLimit and Recalculations__RunsPerDrain must be at least 1 and Recalculations__RateWindow positive.")
            .ValidateOnStart();
        services.AddSingleton<RecalculationStore>();
        services.AddSingleton<PullLease>();
        services.AddSingleton<RecalculationQueue>();
        services.AddSingleton<RecalculationWorker>();
        return services;
    }
}
