using Alerts.Compute.Store;
using Alerts.Deliver.Endpoints;
using Alerts.Deliver.History;
using Alerts.DevStack.Azurite;
using Alerts.Evaluate.Lifecycle;
using Alerts.Platform.Storage;
using Alerts.Pull.Snapshots;
using Alerts.Pull.State;
using Alerts.Route.NotificationLog;
using Alerts.Route.Subscriptions;
using Azure.Data.Tables;
using Azure.Storage.Blobs;

using Xunit;

namespace Alerts.TestKit.Storage;

/// <summary>
/// One Azurite (the DevStack launcher: pinned, in memory, free loopback ports) for the storage tests; each
/// test gets its own tables and containers through a fresh name prefix.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private AzuriteServer? server;

    public string ConnectionString => server?.ConnectionString ?? throw new InvalidOperationException("Azurite is not started.");

    /// <summary>An account whose tables and containers are unique to the caller, already created.</summary>
    public async Task<StorageAccount> CreateAccountAsync()
    {
        var account = new StorageAccount(
            new TableServiceClient(ConnectionString, new TableClientOptions { Retry = { MaxRetries = 1, NetworkTimeout = TimeSpan.FromSeconds(10) } }),
            new BlobServiceClient(ConnectionString, new BlobClientOptions { Retry = { MaxRetries = 1, NetworkTimeout = TimeSpan.FromSeconds(10) } }),
            "t" + Guid.NewGuid().ToString("N")[..10]);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await account.EnsureCreatedAsync(cts.Token);
        return account;
    }

    public async Task InitializeAsync()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        server = await AzuriteServer.StartAsync(cancellationToken: cts.Token);
    }

    public async Task DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }
}
