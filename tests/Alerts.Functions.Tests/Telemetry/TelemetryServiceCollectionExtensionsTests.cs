using Alerts.Functions.Telemetry;
using Azure.Core;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Alerts.Functions.Tests.Telemetry;

public sealed class TelemetryServiceCollectionExtensionsTests
{
    private const string ConnectionString = "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=https://127.0.0.1:1/";

    [Fact]
    public void AddAlertsTelemetry_AppInsightsSet_ExportsWithTheAppsOneCredential()
    {
        using var provider = Services(new() { [TelemetryServiceCollectionExtensions.AppInsightsSetting] = ConnectionString });

        var options = provider.GetRequiredService<IOptionsMonitor<AzureMonitorExporterOptions>>().Get(Options.DefaultName);
        Assert.Equal(ConnectionString, options.ConnectionString);
        Assert.Same(provider.GetRequiredService<TokenCredential>(), options.Credential); // local auth is off on the resource
    }

    [Fact]
    public void AddAlertsTelemetry_AppInsightsNotSet_LeavesTheExporterUnconfigured()
    {
        // The control of the test above.
        using var provider = Services([]);

        var options = provider.GetRequiredService<IOptionsMonitor<AzureMonitorExporterOptions>>().Get(Options.DefaultName);
        Assert.Null(options.Credential);
    }

    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        settings["Azure:ManagedIdentityClientId"] = "6a1f0c1e-3f5b-4c8e-9d7a-2b4c6e8f0a1b";
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration).AddAlerts(configuration).BuildServiceProvider();
    }
}
