using System.Runtime.InteropServices;
using Alerts.DevStack;
using Microsoft.Extensions.Logging;

namespace Alerts.Cli.Commands;

/// <summary>
/// <c>alerts devstack [--capture-dir DIR]</c>: starts the local stack, prints one <c>KEY=VALUE</c> line per
/// setting and then <c>ready</c> on stdout, and keeps running until Ctrl+C or SIGTERM; then stops everything and
/// exits 0. Logs go to stderr so stdout stays machine-readable.
/// </summary>
internal static class DevStackCommand
{
    private const string Usage = "usage: alerts devstack [--capture-dir DIR]";

    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken = default)
    {
        if (!TryParse(args, out var captureDirectory, out var error))
        {
            await Console.Error.WriteLineAsync($"alerts devstack: {error}{Environment.NewLine}{Usage}").ConfigureAwait(false);
            return 2;
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);

        // Registered before starting, so a signal during startup still stops cleanly instead of killing us mid-way.
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, StopOn(stop));
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, StopOn(stop));
        using var loggerFactory = LoggerFactory.Create(logging => logging
            .SetMinimumLevel(LogLevel.Information)
            .AddSimpleConsole(console => console.SingleLine = true)
            .AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace));
        var logger = loggerFactory.CreateLogger("devstack");

        LocalStack stack;
        try
        {
            stack = await LocalStack.StartAsync(
                new LocalStackOptions { CaptureDirectory = captureDirectory, LoggerFactory = loggerFactory },
                stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            logger.LogInformation("Stopped before the local stack was ready");
            return 0;
        }
        catch (LocalStackStartException exception)
        {
            logger.LogError(exception, "The local stack could not start");
            await Console.Error.WriteLineAsync($"alerts devstack: {exception.Message}").ConfigureAwait(false);
            return 1;
        }

        await using (stack.ConfigureAwait(false))
        {
            foreach (var (name, value) in stack.Settings)
            {
                await Console.Out.WriteLineAsync($"{name}={value}").ConfigureAwait(false);
            }

            await Console.Out.WriteLineAsync("ready").ConfigureAwait(false);
            await Console.Out.FlushAsync(CancellationToken.None).ConfigureAwait(false);
            if (captureDirectory is not null)
            {
                logger.LogInformation("Capturing mail (.eml) and webhook posts (.json) in {CaptureDirectory}", Path.GetFullPath(captureDirectory));
            }

            try
            {
                await Task.Delay(Timeout.Infinite, stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                logger.LogInformation("Stopping the local stack");
            }
        }

        return 0;
    }

    private static Action<PosixSignalContext> StopOn(CancellationTokenSource stop) => context =>
    {
        // Cancel the default (terminate now) so the stack is disposed and no child process outlives us.
        context.Cancel = true;
        stop.Cancel();
    };

    private static bool TryParse(string[] args, out string? captureDirectory, out string? error)
    {
        captureDirectory = null;
        error = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--capture-dir" when i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal):
                    captureDirectory = args[++i];
                    break;
                case "--capture-dir":
                    error = "--capture-dir needs a folder";
                    return false;
                default:
                    error = $"unknown option '{args[i]}'";
                    return false;
            }
        }

        return true;
    }
}
