using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using Alerts.Cli.Demo;
using Alerts.Cli.Serve;
using Alerts.DevStack;
using Alerts.Functions.Http.Identity;
using Alerts.Route.Subscriptions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Alerts.Cli.Commands;

/// <summary>
/// <c>alerts serve [--settings FILE] [--port N] [--capture-dir DIR] [--no-sample]</c>: the Functions app's HTTP
/// functions and timers in this process (<see cref="FunctionsWebHost"/>). Without <c>--settings</c> it starts the local
/// stack, points the app at it, seeds the demo subscriptions and pulls the sample data once after <c>ready</c>; mails
/// and cards land in the capture folder, listed at <c>Mailbox__Url</c>. Stdout: <c>KEY=VALUE</c> lines, then
/// <c>ready</c>; logs go to stderr. Ctrl+C or SIGTERM stops the host, then the stack, and exits 0.
/// </summary>
public static class ServeCommand
{
    public const string PullFunction = "PullTradeStatistics";

    /// <summary>Schedules on the local stack: route and deliver every few seconds, so a breach arrives while you watch.</summary>
    public static IReadOnlyDictionary<string, string?> LocalDefaults { get; } = new Dictionary<string, string?>
    {
        ["Schedules__Pull"] = "0 0 6 * * *",
        ["Schedules__Route"] = "*/5 * * * * *",
        ["Schedules__DeliverEmail"] = "*/5 * * * * *",
        ["Schedules__DeliverTeams"] = "*/5 * * * * *",
        ["Schedules__Recalculations"] = "*/2 * * * * *",
        ["Schedules__Digest"] = "0 * * * * *",
        ["Drain__ReceiveWait"] = "00:00:00.500",
    };

    public static async Task<int> RunAsync(ServeOptions options, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);

        // Registered first, so a signal during start-up (npm installing Azurite) still stops cleanly.
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, StopOn(stop));
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, StopOn(stop));
        using var loggerFactory = LoggerFactory.Create(Logging);
        var logger = loggerFactory.CreateLogger("Alerts.Serve");

        LocalStack? stack = null;
        FunctionsWebHost? host = null;
        Task pull = Task.CompletedTask;
        try
        {
            Dictionary<string, string?> settings;
            string? capture = null;
            var port = options.Port == 0 ? FreePort() : options.Port;
            if (options.SettingsFile is { } file)
            {
                settings = LocalSettingsFile.Read(file);
            }
            else
            {
                capture = Path.GetFullPath(options.CaptureDirectory ?? Directory.CreateTempSubdirectory("alerts-mailbox-").FullName);
                stack = await LocalStack.StartAsync(
                    new LocalStackOptions { CaptureDirectory = capture, LoggerFactory = loggerFactory, PublicBaseUrl = new Uri($"http://127.0.0.1:{port}/") },
                    stop.Token).ConfigureAwait(false);
                settings = new Dictionary<string, string?>(LocalDefaults);
                foreach (var (name, value) in stack.Settings)
                {
                    settings[name] = value;
                }
            }

            host = await FunctionsWebHost.StartAsync(
                new FunctionsWebHostOptions
                {
                    Settings = settings,
                    IncludeEnvironmentVariables = true,
                    Port = port,
                    MailboxDirectory = capture,
                    Logging = Logging,
                    // On the local stack the page opens signed in as user "me" of "aad" with Alerts.Admin (the README's curl caller).
                    WebSignIn = stack is null ? null : ("aad", "me", [CallerPrincipal.AdminRole]),
                },
                stop.Token).ConfigureAwait(false);

            if (stack is not null && options.Sample)
            {
                await SeedAsync(host, stack, stop.Token).ConfigureAwait(false);
            }

            var printed = new List<(string, string)>();
            if (stack is not null)
            {
                printed.AddRange(stack.Settings.Select(kv => (kv.Key, kv.Value)));
            }

            printed.Add(("Api__BaseUrl", host.ApiBaseUrl.ToString()));
            printed.Add(("Api__FunctionKey", host.Keys.FunctionKey));
            printed.Add(("Web__BaseUrl", host.WebUrl.ToString()));
            if (capture is not null)
            {
                printed.Add(("Capture__Directory", capture));
                printed.Add(("Mailbox__Url", host.MailboxUrl!.ToString()));
            }

            foreach (var (name, value) in printed)
            {
                await stdout.WriteLineAsync($"{name}={value}").ConfigureAwait(false);
            }

            await stdout.WriteLineAsync("ready").ConfigureAwait(false);
            await stdout.FlushAsync(CancellationToken.None).ConfigureAwait(false);

            if (stack is not null && options.Sample)
            {
                // The first pull runs now rather than at 06:00, so the demo subscriptions get mail within seconds.
                pull = host.Timers.RunNowAsync(PullFunction, stop.Token);
            }

            await Task.Delay(Timeout.Infinite, stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            logger.LogInformation("Stopping");
        }
        catch (Exception e) when (e is LocalStackStartException or LocalSettingsFileException or FunctionManifestException or TimerScheduleException
                                      or Microsoft.Extensions.Options.OptionsValidationException or IOException or InvalidOperationException or ArgumentException)
        {
            // Start-up failed (a bad setting, a port in use, the stack): say what, stop what did start.
            await stderr.WriteLineAsync($"alerts serve: {e.Message}").ConfigureAwait(false);
            await StopAsync(host, stack, pull, logger).ConfigureAwait(false);
            return 1;
        }

        await StopAsync(host, stack, pull, logger).ConfigureAwait(false);
        return 0;
    }

    private static async Task SeedAsync(FunctionsWebHost host, LocalStack stack, CancellationToken cancellationToken)
    {
        var subscriptions = host.Services.GetRequiredService<SubscriptionService>();
        foreach (var request in new[] { DemoSubscriptions.Email(), DemoSubscriptions.Teams(stack) })
        {
            var (_, errors) = await subscriptions.SeedAsync(DemoSubscriptions.Owner, request, cancellationToken).ConfigureAwait(false);
            if (errors.Count > 0)
            {
                throw new InvalidOperationException($"Demo subscription rejected: {string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"))}");
            }
        }
    }

    private static async Task StopAsync(FunctionsWebHost? host, LocalStack? stack, Task pull, ILogger logger)
    {
        try
        {
            await pull.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // stopped mid-pull
        }

        if (host is not null)
        {
            await host.DisposeAsync().ConfigureAwait(false);
        }

        if (stack is not null)
        {
            await stack.DisposeAsync().ConfigureAwait(false);
        }

        logger.LogInformation("Stopped");
    }

    private static void Logging(ILoggingBuilder logging) => logging
        .SetMinimumLevel(LogLevel.Warning)
        .AddFilter("Alerts", LogLevel.Information)
        .AddFilter("Alerts.Platform.Bus.SubscriptionDrain", LogLevel.Warning) // every few seconds on the local stack
        .AddSimpleConsole(console => console.SingleLine = true)
        .AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);

    private static Action<PosixSignalContext> StopOn(CancellationTokenSource stop) => context =>
    {
        context.Cancel = true; // stop in order (host, then stack) instead of dying with Azurite still running
        stop.Cancel();
    };

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
