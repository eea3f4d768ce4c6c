using System.Globalization;
using Alerts.DevStack.Azurite;
using Alerts.DevStack.Replay;
using Alerts.DevStack.Smtp;
using Alerts.DevStack.Webhooks;
using Alerts.LocalServiceBus;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Alerts.DevStack;

/// <summary>
/// Everything a local run needs, on free 127.0.0.1 ports: Azurite, the loopback Service Bus, an SMTP sink,
/// a webhook listener and a replay server for the statistics sources. Parts start concurrently; if one fails
/// the others are stopped before the error is thrown. Disposing stops them in reverse order.
/// </summary>
public sealed class LocalStack : IAsyncDisposable
{
    private readonly IReadOnlyList<(LocalStackComponents Component, IAsyncDisposable Part)> _parts;
    private readonly ILogger _logger;
    private int _disposed;

    private LocalStack(IReadOnlyList<(LocalStackComponents, IAsyncDisposable)> parts, LocalStackOptions options, ILogger logger)
    {
        _parts = parts;
        _logger = logger;
        Components = parts.Aggregate(LocalStackComponents.None, (all, p) => all | p.Item1);
        Settings = BuildSettings(options);
    }

    /// <summary>The parts that are running.</summary>
    public LocalStackComponents Components { get; }

    public AzuriteServer Azurite => Part<AzuriteServer>(LocalStackComponents.Azurite);

    public LoopbackServiceBus ServiceBus => Part<LoopbackServiceBus>(LocalStackComponents.ServiceBus);

    public SmtpSink Smtp => Part<SmtpSink>(LocalStackComponents.Smtp);

    public WebhookListener Webhooks => Part<WebhookListener>(LocalStackComponents.Webhooks);

    public ReplayServer Replay => Part<ReplayServer>(LocalStackComponents.Replay);

    /// <summary>
    /// App settings pointing the Functions app (or a test) at this stack, by their real names
    /// (see <see cref="LocalStackSettings"/>), in a stable order; only for the parts that are running.
    /// </summary>
    public IReadOnlyDictionary<string, string> Settings { get; }

    /// <summary>Starts the selected parts concurrently; throws <see cref="LocalStackStartException"/> (nothing left running) if any fails.</summary>
    public static async Task<LocalStack> StartAsync(LocalStackOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new LocalStackOptions();
        var loggerFactory = options.LoggerFactory ?? NullLoggerFactory.Instance;
        var logger = loggerFactory.CreateLogger<LocalStack>();
        using var failFast = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var starts = new List<(LocalStackComponents Component, Task<IAsyncDisposable> Task)>();

        async Task<IAsyncDisposable> Guarded(Func<CancellationToken, Task<IAsyncDisposable>> start)
        {
            try
            {
                return await start(failFast.Token).ConfigureAwait(false);
            }
            catch
            {
                // One failed part is enough to fail the stack: stop waiting for the slow ones (npm, Azurite).
                await failFast.CancelAsync().ConfigureAwait(false);
                throw;
            }
        }

        void Start(LocalStackComponents component, Func<CancellationToken, Task<IAsyncDisposable>> start)
        {
            if (options.Components.HasFlag(component))
            {
                starts.Add((component, Guarded(start)));
            }
        }

        // Start order; reverse of the stop order. Azurite first: it is the slowest to come up.
        Start(LocalStackComponents.Azurite, async ct =>
        {
            options.Azurite.LoggerFactory ??= options.LoggerFactory;
            return await AzuriteServer.StartAsync(options.Azurite, ct).ConfigureAwait(false);
        });
        Start(LocalStackComponents.ServiceBus, async ct => await LoopbackServiceBus.StartAsync(
            new LoopbackServiceBusOptions { TopologyPath = options.ServiceBus.TopologyPath, Port = options.ServiceBus.Port, TimeProvider = options.TimeProvider },
            ct).ConfigureAwait(false));
        Start(LocalStackComponents.Smtp, async ct => await SmtpSink.StartAsync(
            new SmtpSinkOptions { CaptureDirectory = options.CaptureDirectory, TimeProvider = options.TimeProvider, LoggerFactory = options.LoggerFactory },
            ct).ConfigureAwait(false));
        Start(LocalStackComponents.Webhooks, async ct => await WebhookListener.StartAsync(
            new WebhookListenerOptions { CaptureDirectory = options.CaptureDirectory, TimeProvider = options.TimeProvider, LoggerFactory = options.LoggerFactory },
            ct).ConfigureAwait(false));
        Start(LocalStackComponents.Replay, async ct => await ReplayServer.StartAsync(ReplayOptions(options, logger), ct).ConfigureAwait(false));

        try
        {
            await Task.WhenAll(starts.Select(s => s.Task)).ConfigureAwait(false);
        }
        catch (Exception) when (starts.Any(s => !s.Task.IsCompletedSuccessfully))
        {
            // Examined below, part by part.
        }

        var started = starts.Where(s => s.Task.IsCompletedSuccessfully).Select(s => (s.Component, s.Task.Result)).ToList();
        var failures = starts
            .Where(s => s.Task.IsFaulted && s.Task.Exception!.InnerException is not OperationCanceledException)
            .Select(s => (s.Component, s.Task.Exception!.InnerException!))
            .ToList();
        if (failures.Count == 0 && started.Count == starts.Count)
        {
            var stack = new LocalStack(started, options, logger);
            logger.LogInformation("Local stack started: {Components}", stack.Components);
            return stack;
        }

        await StopAsync(started, logger).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        throw new LocalStackStartException(failures.Count > 0
            ? failures
            : starts.Where(s => !s.Task.IsCompletedSuccessfully).Select(s => (s.Component, (Exception)s.Task.Exception!)).ToList());
    }

    /// <summary>Forgets what the SMTP sink, webhook listener and replay server received and any scripted failures.</summary>
    public void Reset()
    {
        foreach (var (_, part) in _parts)
        {
            switch (part)
            {
                case SmtpSink smtp:
                    smtp.Reset();
                    break;
                case WebhookListener webhooks:
                    webhooks.Reset();
                    break;
                case ReplayServer replay:
                    replay.Reset();
                    break;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await StopAsync(_parts, _logger).ConfigureAwait(false);
    }

    private static async Task StopAsync(IReadOnlyList<(LocalStackComponents Component, IAsyncDisposable Part)> parts, ILogger logger)
    {
        List<Exception> errors = [];
        for (var i = parts.Count - 1; i >= 0; i--)
        {
            try
            {
                await parts[i].Part.DisposeAsync().ConfigureAwait(false);
            }
            catch (Exception exception)
            {
                // Keep stopping the rest: a leaked Azurite is worse than a late error.
                logger.LogError(exception, "Stopping {Component} failed", parts[i].Component);
                errors.Add(exception);
            }
        }

        if (errors.Count > 0)
        {
            throw new AggregateException("Stopping the local stack failed for some parts.", errors);
        }
    }

    private static ReplayServerOptions ReplayOptions(LocalStackOptions options, ILogger logger)
    {
        var root = options.ReplayRoot
            ?? Path.Combine(RepositoryRoot.TryFind() ?? AppContext.BaseDirectory, "samples", "replay");
        var replay = new ReplayServerOptions { TimeProvider = options.TimeProvider, LoggerFactory = options.LoggerFactory };
        foreach (var name in new[] { LocalStackSettings.ComextSource, LocalStackSettings.ComtradeSource })
        {
            var directory = Path.Combine(root, name);
            var hasManifest = File.Exists(Path.Combine(directory, ReplaySource.ManifestFileName));
            if (!hasManifest)
            {
                logger.LogWarning("No {Manifest} in {Directory}: replay source {Source} answers 404 to everything",
                    ReplaySource.ManifestFileName, directory, name);
            }

            replay.Sources.Add(new ReplaySource(name, "/" + name, hasManifest ? directory : null));
        }

        return replay;
    }

    private Dictionary<string, string> BuildSettings(LocalStackOptions options)
    {
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Components.HasFlag(LocalStackComponents.ServiceBus))
        {
            settings[LocalStackSettings.ServiceBusConnectionString] = ServiceBus.ConnectionString;
        }

        if (Components.HasFlag(LocalStackComponents.Azurite))
        {
            settings[LocalStackSettings.StorageConnectionString] = Azurite.ConnectionString;
            settings[LocalStackSettings.AzureWebJobsStorage] = Azurite.ConnectionString;
        }

        if (Components.HasFlag(LocalStackComponents.Smtp))
        {
            settings[LocalStackSettings.SmtpHost] = Smtp.Host;
            settings[LocalStackSettings.SmtpPort] = Smtp.Port.ToString(CultureInfo.InvariantCulture);
            settings[LocalStackSettings.SmtpFrom] = options.SmtpFrom;
        }

        if (Components.HasFlag(LocalStackComponents.Webhooks))
        {
            settings[LocalStackSettings.TeamsAllowedHosts] = "127.0.0.1";
            settings[LocalStackSettings.TeamsAllowInsecureLoopback] = "true";
            settings[LocalStackSettings.WebhooksBaseUrl] = Webhooks.BaseUrl.ToString();
        }

        if (Components.HasFlag(LocalStackComponents.Replay))
        {
            settings[LocalStackSettings.ComextBaseUrl] = Replay.SourceUrl(LocalStackSettings.ComextSource).ToString();
            settings[LocalStackSettings.ComtradeBaseUrl] = Replay.SourceUrl(LocalStackSettings.ComtradeSource).ToString();
        }

        settings[LocalStackSettings.PublicBaseUrl] = options.PublicBaseUrl.ToString();
        return settings;
    }

    private T Part<T>(LocalStackComponents component)
        where T : class =>
        _parts.FirstOrDefault(p => p.Component == component).Part as T
        ?? throw new InvalidOperationException($"The local stack was started without {component} (LocalStackOptions.Components = {Components}).");
}
