using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Alerts.DevStack.Azurite;

/// <summary>
/// Azurite (blobs, queues, tables; in memory) as a child Node.js process on free 127.0.0.1 ports.
/// Disposing kills its whole process tree and waits until it is gone.
/// </summary>
public sealed class AzuriteServer : IAsyncDisposable
{
    /// <summary>The well-known development storage account.</summary>
    public const string AccountName = "devstoreaccount1";

    /// <summary>The well-known (public) key of the development storage account.</summary>
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private const int Attempts = 3;
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(10);

    private readonly Process _process;
    private readonly AzuriteOutput _output;
    private readonly string _workingDirectory;
    private int _disposed;

    private AzuriteServer(Process process, AzuriteOutput output, string workingDirectory, int blobPort, int queuePort, int tablePort)
    {
        _process = process;
        ProcessId = process.Id;
        _output = output;
        _workingDirectory = workingDirectory;
        BlobPort = blobPort;
        QueuePort = queuePort;
        TablePort = tablePort;
    }

    /// <summary>Id of the Node.js process, so tests can check it is gone after dispose.</summary>
    public int ProcessId { get; }

    public int BlobPort { get; }

    public int QueuePort { get; }

    public int TablePort { get; }

    public Uri BlobEndpoint => Endpoint(BlobPort);

    public Uri QueueEndpoint => Endpoint(QueuePort);

    public Uri TableEndpoint => Endpoint(TablePort);

    /// <summary>A connection string the Azure SDK clients (Blobs, Queues, Tables) accept.</summary>
    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};"
        + $"BlobEndpoint={BlobEndpoint};QueueEndpoint={QueueEndpoint};TableEndpoint={TableEndpoint};";

    /// <summary>Installs Azurite on first use, starts it and waits until blobs, queues and tables accept connections.</summary>
    public static async Task<AzuriteServer> StartAsync(AzuriteOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new AzuriteOptions();
        var logger = (options.LoggerFactory ?? NullLoggerFactory.Instance).CreateLogger<AzuriteServer>();
        var directory = await AzuriteInstaller.EnsureInstalledAsync(options, logger, cancellationToken).ConfigureAwait(false);

        // Ports are free when picked but another process may take one before Azurite binds it: try again.
        for (var attempt = 1; ; attempt++)
        {
            var server = Launch(options, directory, logger);
            try
            {
                await server.WaitUntilReadyAsync(options.StartTimeout, cancellationToken).ConfigureAwait(false);
                logger.LogInformation("Azurite started (pid {ProcessId}): blob {BlobPort}, queue {QueuePort}, table {TablePort}",
                    server.ProcessId, server.BlobPort, server.QueuePort, server.TablePort);
                return server;
            }
            catch (AzuriteStartException exception) when (attempt < Attempts && exception.PortInUse)
            {
                logger.LogWarning("Azurite could not bind its ports (attempt {Attempt}); retrying on other ports", attempt);
                await server.DisposeAsync().ConfigureAwait(false);
            }
            catch
            {
                await server.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }
    }

    private static AzuriteServer Launch(AzuriteOptions options, string directory, ILogger logger)
    {
        var ports = FreePorts.Take(3);
        var workingDirectory = Directory.CreateTempSubdirectory("alerts-azurite-").FullName;
        var start = new ProcessStartInfo(options.NodePath)
        {
            // In memory (so no --location), but Azurite may still write a debug log or telemetry state: keep them out of the repository.
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(AzuriteInstaller.GuardScript(directory));
        foreach (var argument in Arguments(ports))
        {
            start.ArgumentList.Add(argument);
        }

        var output = new AzuriteOutput(logger);
        Process process;
        try
        {
            process = AzuriteInstaller.StartOrExplain(start, "Node.js (AzuriteOptions.NodePath)");
        }
        catch
        {
            Directory.Delete(workingDirectory, recursive: true);
            throw;
        }

        ChildProcessGuard.Register(process);
        process.OutputDataReceived += (_, e) => output.Add(e.Data);
        process.ErrorDataReceived += (_, e) => output.Add(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        // Stdin stays open and unused: guard.js exits Azurite when it closes, i.e. when this process is gone.
        return new AzuriteServer(process, output, workingDirectory, ports[0], ports[1], ports[2]);
    }

    private static IEnumerable<string> Arguments(int[] ports)
    {
        string Port(int i) => ports[i].ToString(CultureInfo.InvariantCulture);
        return
        [
            "--inMemoryPersistence", "--silent", "--skipApiVersionCheck", "--loose", "--disableTelemetry",
            "--blobHost", "127.0.0.1", "--blobPort", Port(0),
            "--queueHost", "127.0.0.1", "--queuePort", Port(1),
            "--tableHost", "127.0.0.1", "--tablePort", Port(2),
        ];
    }

    private async Task WaitUntilReadyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        int[] ports = [BlobPort, QueuePort, TablePort];
        try
        {
            while (true)
            {
                if (_process.HasExited)
                {
                    throw new AzuriteStartException(
                        $"Azurite exited with code {_process.ExitCode} before it was ready. Output: {_output.Tail()}",
                        _output.MentionsPortInUse());
                }

                // Azurite logs that it listens only after binding; the connect check covers a missed line.
                var ready = true;
                foreach (var port in ports)
                {
                    ready &= _output.SaysListening(port) && await FreePorts.AcceptsAsync(port, deadline.Token).ConfigureAwait(false);
                }

                if (ready)
                {
                    return;
                }

                await Task.Delay(TimeSpan.FromMilliseconds(100), deadline.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new AzuriteStartException($"Azurite was not ready within {timeout}. Output: {_output.Tail()}", portInUse: false);
        }
    }

    private static Uri Endpoint(int port) => new($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/{AccountName}");

    /// <summary>Kills the Node.js process tree and waits for it to exit.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await ChildProcessGuard.KillTreeAsync(_process, StopTimeout).ConfigureAwait(false);
        _process.Dispose();
        try
        {
            Directory.Delete(_workingDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover empty temp folder is harmless.
        }
    }
}
