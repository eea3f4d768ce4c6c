using System.Diagnostics;

namespace Alerts.Soak.Run;

/// <summary>
/// The delivery worker as a child process (this assembly with <c>--worker</c>), started with app settings as
/// environment variables; killed with SIGKILL and started again by the soak.
/// </summary>
public sealed class WorkerProcess(IReadOnlyDictionary<string, string> environment, string? logPath) : IAsyncDisposable
{
    private readonly Lock logGate = new();
    private Process? process;

    /// <summary>Workers that ended without being killed (a crash); the soak restarts them and reports the count.</summary>
    public int Crashes { get; private set; }

    public int Starts { get; private set; }

    public bool IsRunning => process is { HasExited: false };

    /// <summary>Starts a worker and waits until it prints <c>ready</c>.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo
        {
            FileName = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet",
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(typeof(WorkerProcess).Assembly.Location);
        start.ArgumentList.Add("--worker");
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var started = Process.Start(start) ?? throw new InvalidOperationException("The worker process did not start.");
        process = started;
        Starts++;
        started.ErrorDataReceived += (_, e) => Log(e.Data);
        started.BeginErrorReadLine();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(2));
        while (await started.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line == "ready")
            {
                _ = started.StandardOutput.ReadToEndAsync(CancellationToken.None);
                return;
            }
        }

        throw new InvalidOperationException($"The worker ended before it was ready (exit code {(started.HasExited ? started.ExitCode : -1)}); see its log.");
    }

    /// <summary>SIGKILL: no shutdown code runs, whatever the worker was doing is cut off.</summary>
    public async Task KillAsync()
    {
        if (process is { } p)
        {
            if (!p.HasExited)
            {
                p.Kill(entireProcessTree: true);
            }

            await p.WaitForExitAsync();
            p.Dispose();
            process = null;
        }
    }

    /// <summary>Restarts the worker if it ended by itself; true when it had.</summary>
    public async Task<bool> RestartIfCrashedAsync(CancellationToken cancellationToken)
    {
        if (process is not { HasExited: true } p)
        {
            return false;
        }

        Log($"soak: worker exited by itself with code {p.ExitCode}; restarting");
        p.Dispose();
        process = null;
        Crashes++;
        await StartAsync(cancellationToken);
        return true;
    }

    public async ValueTask DisposeAsync() => await KillAsync();

    private void Log(string? line)
    {
        if (line is null || logPath is null)
        {
            return;
        }

        lock (logGate)
        {
            File.AppendAllText(logPath, line + Environment.NewLine);
        }
    }
}
