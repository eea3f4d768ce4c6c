using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Alerts.Pipeline.Storage;
using Azure.Data.Tables;
using Azure.Storage.Blobs;

namespace Alerts.IntegrationTests.Storage;

/// <summary>
/// Interim Azurite for the storage tests (in memory, free loopback ports), until the DevStack launcher lands
/// on main; then the tests switch to the shared fixture and this file goes.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private Process? process;
    private string? workspace;

    public string ConnectionString { get; private set; } = string.Empty;

    /// <summary>An account whose tables and containers are unique to the caller (a fresh name prefix), already created.</summary>
    public async Task<StorageAccount> CreateAccountAsync()
    {
        var options = new StorageOptions { ConnectionString = ConnectionString, NamePrefix = "t" + Guid.NewGuid().ToString("N")[..10] };
        var account = new StorageAccount(
            new TableServiceClient(ConnectionString, new TableClientOptions { Retry = { MaxRetries = 1, NetworkTimeout = TimeSpan.FromSeconds(10) } }),
            new BlobServiceClient(ConnectionString, new BlobClientOptions { Retry = { MaxRetries = 1, NetworkTimeout = TimeSpan.FromSeconds(10) } }),
            options.NamePrefix);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await account.EnsureCreatedAsync(cts.Token);
        return account;
    }

    public async Task InitializeAsync()
    {
        var root = FindRepositoryRoot();
        var script = Path.Combine(root, "src", "Alerts.DevStack", "azurite", "node_modules", "azurite", "dist", "src", "azurite.js");
        if (!File.Exists(script))
        {
            throw new InvalidOperationException($"Azurite is not installed at {script}: run 'npm ci' in src/Alerts.DevStack/azurite.");
        }

        workspace = Directory.CreateTempSubdirectory("azurite-").FullName;
        var blobPort = FreePort();
        var queuePort = FreePort();
        var tablePort = FreePort();
        var start = new ProcessStartInfo("node")
        {
            ArgumentList =
            {
                script, "--inMemoryPersistence", "--silent", "--skipApiVersionCheck", "--loose", "--disableTelemetry",
                "--blobHost", "127.0.0.1", "--blobPort", blobPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--queueHost", "127.0.0.1", "--queuePort", queuePort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--tableHost", "127.0.0.1", "--tablePort", tablePort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workspace,
        };
        process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { output.Enqueue(e.Data); } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { output.Enqueue(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var deadline = Stopwatch.StartNew();
        foreach (var port in new[] { blobPort, tablePort })
        {
            while (!await CanConnectAsync(port))
            {
                if (process.HasExited || deadline.Elapsed > TimeSpan.FromSeconds(30))
                {
                    throw new InvalidOperationException($"Azurite did not listen on 127.0.0.1:{port} within 30 s (exited: {process.HasExited}): {string.Join(" ", output)}");
                }

                await Task.Delay(100);
            }
        }

        ConnectionString = $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};" +
            $"BlobEndpoint=http://127.0.0.1:{blobPort}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{queuePort}/devstoreaccount1;TableEndpoint=http://127.0.0.1:{tablePort}/devstoreaccount1;";
    }

    public Task DisposeAsync()
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
        }

        process?.Dispose();
        if (workspace is not null)
        {
            Directory.Delete(workspace, recursive: true);
        }

        return Task.CompletedTask;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<bool> CanConnectAsync(int port)
    {
        using var client = new TcpClient();
        try
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            await client.ConnectAsync(IPAddress.Loopback, port, cts.Token);
            return true;
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException)
        {
            return false;
        }
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Alerts.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Alerts.sln not found above " + AppContext.BaseDirectory);
    }
}

[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
