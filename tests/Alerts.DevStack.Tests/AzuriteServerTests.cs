using Alerts.DevStack.Azurite;
using Alerts.TestKit;
using Azure.Data.Tables;
using Azure.Storage.Blobs;

namespace Alerts.DevStack.Tests;

[Collection(ProcessSensitiveCollection.Name)]
public sealed class AzuriteServerTests(AzuriteServerTests.SharedAzurite shared) : IClassFixture<AzuriteServerTests.SharedAzurite>
{
    [Fact]
    public async Task StartAsync_RealTableClient_RoundTripsEntity()
    {
        var azurite = shared.Server;
        var table = new TableClient(azurite.ConnectionString, "roundtrip");
        await table.CreateIfNotExistsAsync();

        await table.AddEntityAsync(new TableEntity("gallium", "2024") { ["Hhi"] = 9412.5, ["TopSupplier"] = "CN" });
        var read = await table.GetEntityAsync<TableEntity>("gallium", "2024");

        Assert.Equal(9412.5, read.Value.GetDouble("Hhi"));
        Assert.Equal("CN", read.Value.GetString("TopSupplier"));
    }

    [Fact]
    public async Task StartAsync_RealBlobClient_RoundTripsContent()
    {
        var azurite = shared.Server;
        var container = new BlobContainerClient(azurite.ConnectionString, "snapshots");
        await container.CreateIfNotExistsAsync();

        await container.GetBlobClient("850511.json").UploadAsync(BinaryData.FromString("{\"value\":{}}"));
        var downloaded = await container.GetBlobClient("850511.json").DownloadContentAsync();

        Assert.Equal("{\"value\":{}}", downloaded.Value.Content.ToString());
    }

    [Fact]
    public async Task StartAsync_NodeMissing_ThrowsSayingNodeIsNeeded()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => AzuriteServer.StartAsync(new AzuriteOptions { NodePath = "/nonexistent/node" }));

        Assert.Contains("Node.js", error.Message, StringComparison.Ordinal);
        Assert.Contains("/nonexistent/node", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DisposeAsync_AfterStart_NodeProcessIsGoneAndPortsClosed()
    {
        var azurite = await AzuriteServer.StartAsync();
        var processId = azurite.ProcessId;
        var tablePort = azurite.TablePort;
        Assert.True(ProcessProbe.IsRunning(processId));

        await azurite.DisposeAsync();

        Assert.False(ProcessProbe.IsRunning(processId));
        Assert.False(await ProcessProbe.AcceptsAsync(tablePort));
    }

    /// <summary>One Azurite for the round-trip tests: starting Node.js is the slow part.</summary>
    public sealed class SharedAzurite : IAsyncLifetime
    {
        public AzuriteServer Server { get; private set; } = null!;

        public async Task InitializeAsync() => Server = await AzuriteServer.StartAsync();

        public async Task DisposeAsync() => await Server.DisposeAsync();
    }
}
