using Alerts.Pull.Sources;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Alerts.Pull.Tests.Sources;

/// <summary>The real composition (<c>AddTradeStatistics</c>) with short delays and timeouts for tests.</summary>
internal static class SourceTestServices
{
    public static ServiceProvider Build(Uri baseUrl, IDictionary<string, string?>? overrides = null, Action<IServiceCollection>? configure = null)
    {
        var settings = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var source in new[] { "Comext", "Comtrade" })
        {
            settings[$"Sources:{source}:BaseUrl"] = baseUrl.ToString();
            settings[$"Sources:{source}:Resilience:BaseDelay"] = "00:00:00.050";
            // Generous: a cold first request (JIT, Kestrel start) on a loaded machine can take a second; timeout tests override it.
            settings[$"Sources:{source}:Resilience:AttemptTimeout"] = "00:00:03";
            settings[$"Sources:{source}:Resilience:TotalTimeout"] = "00:00:15";
            settings[$"Sources:{source}:Resilience:MaxRetryAttempts"] = "3";
            settings[$"Sources:{source}:Resilience:MaxRetryAfter"] = "00:00:05";
        }

        foreach (var (k, v) in overrides ?? new Dictionary<string, string?>())
        {
            settings[k] = v;
        }

        var config = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        configure?.Invoke(services);
        services.AddTradeStatistics(config);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }
}
