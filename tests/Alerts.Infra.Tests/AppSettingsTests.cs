using System.Reflection;
using Alerts.Infra.Tests.Template;
using Alerts.Functions;
using Alerts.Platform.Identity;
using Alerts.Platform.Storage;
using Azure.Core;
using Azure.Identity;
using Azure.Messaging.ServiceBus;
using Cronos;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;

namespace Alerts.Infra.Tests;

/// <summary>
/// The app settings the template gives are the ones the app needs: its own service registration, fed with
/// them as App Service would, passes the start-up validation and builds identity-based clients.
/// </summary>
public sealed class AppSettingsTests
{
    public static TheoryData<string> Variants => new("with secrets", "without secrets");

    [Theory]
    [MemberData(nameof(Variants))]
    public void StartupValidation_WithTheTemplatesAppSettings_Passes(string variant)
    {
        using var provider = Services(AzureConfiguration.Of(Of(variant)));
        provider.GetRequiredService<IStartupValidator>().Validate(); // throws naming every missing or bad setting
    }

    [Fact]
    public void StartupValidation_WithoutSettings_FailsNamingTheConnections()
    {
        // The control: the same registration with nothing configured does not start, so the pass above means something.
        using var provider = Services(new ConfigurationBuilder().Build());
        var error = Assert.ThrowsAny<Exception>(() => provider.GetRequiredService<IStartupValidator>().Validate());
        Assert.Contains("ServiceBus:", error.Message, StringComparison.Ordinal);
        Assert.Contains("Storage:", error.Message, StringComparison.Ordinal);
        Assert.Contains("Smtp:Host", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Clients_WithTheTemplatesAppSettings_UseTheNamespaceAndServiceUrisNotConnectionStrings()
    {
        var deployment = Deployments.WithSecrets;
        await using var provider = Services(AzureConfiguration.Of(deployment));
        var bus = provider.GetRequiredService<ServiceBusClient>();
        var storage = provider.GetRequiredService<StorageAccount>();
        Assert.Equal(deployment.AppSettings["ServiceBus__FullyQualifiedNamespace"], bus.FullyQualifiedNamespace);
        Assert.Equal(new Uri(deployment.AppSettings["Storage__TableServiceUri"]), storage.Tables.Uri);
        Assert.Equal(new Uri(deployment.AppSettings["Storage__BlobServiceUri"]), storage.Blobs.Uri);
    }

    [Fact]
    public async Task Credential_WithTheTemplatesAppSettings_IsTheUserAssignedManagedIdentity()
    {
        // Not DefaultAzureCredential's chain: in Azure the clients use the template's identity and nothing else.
        await using var provider = Services(AzureConfiguration.Of(Deployments.WithSecrets));
        Assert.IsType<ManagedIdentityCredential>(provider.GetRequiredService<TokenCredential>());
        Assert.True(Guid.TryParse(provider.GetRequiredService<IOptions<AzureIdentityOptions>>().Value.ManagedIdentityClientId, out _));
    }

    [Fact]
    public void TimerSchedules_EverySettingAFunctionNames_IsSetToAValidNcrontab()
    {
        var settings = Deployments.WithSecrets.AppSettings;
        var schedules = typeof(Alerts.Functions.Route.RouteBreachesFunction).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods())
            .SelectMany(m => m.GetParameters())
            .Select(p => p.GetCustomAttribute<TimerTriggerAttribute>()?.Schedule)
            .OfType<string>()
            .ToList();
        Assert.NotEmpty(schedules);
        foreach (var schedule in schedules)
        {
            Assert.Matches("^%[A-Za-z]+:[A-Za-z]+%$", schedule); // from settings, never hard-coded
            var name = schedule.Trim('%').Replace(":", "__", StringComparison.Ordinal);
            Assert.True(settings.TryGetValue(name, out var value), $"{name} (read by {schedule}) is not an app setting");
            CronExpression.Parse(value, CronFormat.IncludeSeconds);
        }
    }

    [Fact]
    public void TablesAndContainers_TheTemplateCreates_AreTheAppsOwn()
    {
        var deployment = Deployments.WithSecrets;
        string Last(System.Text.Json.Nodes.JsonObject r) => ((string)r["name"]!).Split('/')[^1];
        var tables = deployment.OfType("Microsoft.Storage/storageAccounts/tableServices/tables").Select(Last);
        var containers = deployment.OfType("Microsoft.Storage/storageAccounts/blobServices/containers").Select(Last).Where(c => c != "app-package");
        Assert.Equal(StorageNames.Tables.Order(StringComparer.Ordinal), tables.Order(StringComparer.Ordinal));
        Assert.Equal(StorageNames.Containers.Order(StringComparer.Ordinal), containers.Order(StringComparer.Ordinal));
    }

    private static Deployment Of(string variant) => variant == "with secrets" ? Deployments.WithSecrets : Deployments.WithoutSecrets;

    // What the Functions host gives the app: the Production environment and the configuration; then the app's registration.
    private static ServiceProvider Services(IConfiguration configuration)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IHostEnvironment>(new HostingEnvironment
        {
            EnvironmentName = Environments.Production,
            ApplicationName = "Alerts.Functions",
            ContentRootPath = AppContext.BaseDirectory,
            ContentRootFileProvider = new NullFileProvider(),
        });
        services.AddSingleton(configuration);
        services.AddLogging();
        services.AddAlerts(configuration);
        return services.BuildServiceProvider();
    }
}
