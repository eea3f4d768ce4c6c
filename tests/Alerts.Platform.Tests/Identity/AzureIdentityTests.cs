using System.Net;
using System.Net.Sockets;
using Alerts.Platform.Identity;
using Alerts.Platform.Storage;
using Azure;
using Azure.Core;
using Azure.Identity;
using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;

namespace Alerts.Platform.Tests.Identity;

/// <summary>
/// The Azure clients come from <c>AddAzureClients</c> on one credential: the managed identity named in settings,
/// else <see cref="DefaultAzureCredential"/>; the SDK's own logs reach <see cref="ILogger"/>.
/// </summary>
public sealed class AzureIdentityTests
{
    private const string ClientId = "6a1f0c1e-3f5b-4c8e-9d7a-2b4c6e8f0a1b";

    [Theory]
    [InlineData(ClientId, typeof(ManagedIdentityCredential))] // in Azure: the user-assigned identity alone
    [InlineData(null, typeof(DefaultAzureCredential))] // locally: the developer's sign-in
    public void Credential_ClientIdSetting_PicksTheCredential(string? clientId, Type expected)
    {
        using var provider = Services(Identity(clientId)).BuildServiceProvider();

        Assert.IsType(expected, provider.GetRequiredService<TokenCredential>());
    }

    [Fact]
    public void StartupValidation_ClientIdNotAGuid_NamesTheSetting()
    {
        using var provider = Services(Identity("my-identity")).BuildServiceProvider();

        var e = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
        Assert.Contains("Azure:ManagedIdentityClientId must be the client id (a GUID)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StorageClients_WithServiceUris_AskTheOneCredentialForStorageTokens()
    {
        var credential = new RecordingCredential();
        var services = Services(Identity(ClientId));
        services.AddSingleton<TokenCredential>(credential); // stands in for the managed identity, which needs Azure
        await using var provider = services.BuildServiceProvider();
        var account = provider.GetRequiredService<StorageAccount>();

        // Nothing listens on the port: the request fails after the token was asked for.
        await Assert.ThrowsAnyAsync<Exception>(() => account.Tables.GetPropertiesAsync());
        await Assert.ThrowsAnyAsync<Exception>(() => account.Blobs.GetPropertiesAsync());

        Assert.Equal(["https://storage.azure.com/.default", "https://storage.azure.com/.default"], credential.Scopes);
        Assert.Equal(ClosedPortUri("table"), account.Tables.Uri);
        Assert.Equal("alerts-test.servicebus.windows.net", provider.GetRequiredService<ServiceBusClient>().FullyQualifiedNamespace);
    }

    [Fact]
    public async Task SdkLogs_AtWarningByDefault_HideRequestLogs()
    {
        var logs = new FakeLogCollector();
        var services = Services(Identity(ClientId));
        services.AddSingleton<TokenCredential>(new RecordingCredential());
        services.AddLogging(b => b.AddProvider(new FakeLoggerProvider(logs)));
        await using var provider = services.BuildServiceProvider();

        await Assert.ThrowsAnyAsync<Exception>(() => provider.GetRequiredService<StorageAccount>().Tables.GetPropertiesAsync());

        // The control of the test below: without a setting, the SDK's per-request Information logs are filtered out.
        Assert.DoesNotContain(logs.GetSnapshot(), r => r.Category == "Azure.Core" && r.Level < LogLevel.Warning);
    }

    [Fact]
    public async Task SdkLogs_OfAClientRequest_ReachTheAppsLogger()
    {
        var logs = new FakeLogCollector();
        var services = Services(Identity(ClientId));
        services.AddSingleton<TokenCredential>(new RecordingCredential());
        services.AddLogging(b => b.AddProvider(new FakeLoggerProvider(logs)).AddFilter("Azure.Core", LogLevel.Information));
        await using var provider = services.BuildServiceProvider();

        await Assert.ThrowsAnyAsync<Exception>(() => provider.GetRequiredService<StorageAccount>().Tables.GetPropertiesAsync());

        // Azure.Core's request log, forwarded from its event source; other tests' requests may be there too.
        Assert.Contains(logs.GetSnapshot(), r => r.Category == "Azure.Core" && r.Message.Contains(ClosedPortUri("table").Authority, StringComparison.Ordinal));
    }

    private static Dictionary<string, string?> Identity(string? clientId) => new()
    {
        ["Azure:ManagedIdentityClientId"] = clientId,
        ["Storage:TableServiceUri"] = ClosedPortUri("table").ToString(),
        ["Storage:BlobServiceUri"] = ClosedPortUri("blob").ToString(),
        ["ServiceBus:FullyQualifiedNamespace"] = "alerts-test.servicebus.windows.net",
    };

    private static readonly int ClosedPort = FreePort();

    // https, as the SDK sends bearer tokens only over TLS; a port nobody listens on, so no request leaves the machine.
    private static Uri ClosedPortUri(string service) => new($"https://127.0.0.1:{ClosedPort}/{service}");

    private static ServiceCollection Services(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddPlatform(configuration);
        services.AddAzureClients(clients => clients.ConfigureDefaults(o => o.Retry.MaxRetries = 0)); // fail at once
        return services;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
