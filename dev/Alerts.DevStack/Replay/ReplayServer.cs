using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Alerts.DevStack.Replay;

/// <summary>
/// Serves recorded responses of the statistics sources (Comext, Comtrade) on 127.0.0.1, so the real source
/// clients run unchanged against a base URL per source. Unmatched requests get 404 with an SDMX-style error body;
/// tests can inject faults and read every request received.
/// </summary>
public sealed class ReplayServer : IAsyncDisposable
{
    /// <summary>For <see cref="InjectFault"/>'s <c>times</c>: every matching request until <see cref="Reset"/>.</summary>
    public const int Unlimited = int.MaxValue;

    private readonly WebApplication _app;
    private readonly FaultQueue _faults;
    private readonly IReadOnlyDictionary<string, Uri> _sourceUrls;
    private int _disposed;

    private ReplayServer(WebApplication app, Uri baseUrl, FaultQueue faults, IReadOnlyDictionary<string, Uri> sourceUrls, ReceivedLog<ReplayExchange> exchanges)
    {
        _app = app;
        _faults = faults;
        _sourceUrls = sourceUrls;
        BaseUrl = baseUrl;
        Exchanges = exchanges;
    }

    /// <summary>The server's root, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseUrl { get; }

    /// <summary>Base URL of each mounted source by name (ending in '/'), e.g. <c>comext</c> -> <c>http://127.0.0.1:41234/comext/</c>.</summary>
    public IReadOnlyDictionary<string, Uri> SourceUrls => _sourceUrls;

    /// <summary>Every request served so far, with its status and any fault applied.</summary>
    public ReceivedLog<ReplayExchange> Exchanges { get; }

    /// <summary>
    /// Loads every source's manifest (throwing <see cref="ReplayManifestException"/> for a bad one), then starts
    /// listening and returns once the port accepts connections.
    /// </summary>
    public static async Task<ReplayServer> StartAsync(ReplayServerOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var logger = (options.LoggerFactory ?? NullLoggerFactory.Instance).CreateLogger<ReplayServer>();
        var mounts = Mount(options.Sources);
        var faults = new FaultQueue();
        var exchanges = new ReceivedLog<ReplayExchange>();
        var responder = new ReplayResponder(mounts, faults, exchanges, options.TimeProvider, logger);

        var (app, baseUrl) = await LoopbackHttpHost.StartAsync(options.Port, options.LoggerFactory, responder.RespondAsync, cancellationToken).ConfigureAwait(false);
        var sourceUrls = mounts.ToDictionary(m => m.Source.Name, m => new Uri(baseUrl, m.Prefix.TrimStart('/') + "/"), StringComparer.OrdinalIgnoreCase);
        logger.LogInformation("Replay server on {BaseUrl} with {SourceCount} source(s)", baseUrl, mounts.Count);
        return new ReplayServer(app, baseUrl, faults, sourceUrls, exchanges);
    }

    /// <summary>The base URL of a mounted source; throws naming the known sources when there is none by that name.</summary>
    public Uri SourceUrl(string name) =>
        _sourceUrls.TryGetValue(name, out var url)
            ? url
            : throw new KeyNotFoundException($"No replay source '{name}'; mounted: {string.Join(", ", _sourceUrls.Keys)}.");

    /// <summary>
    /// Applies <paramref name="fault"/> to the next <paramref name="times"/> requests that <paramref name="when"/>
    /// accepts (default: any request; <see cref="Unlimited"/> = every one). Faults are tried in the order they were injected.
    /// </summary>
    public void InjectFault(ReplayFault fault, int times = 1, Func<ReplayRequest, bool>? when = null)
    {
        ArgumentNullException.ThrowIfNull(fault);
        ArgumentOutOfRangeException.ThrowIfLessThan(times, 1);
        _faults.Add(fault, times, when ?? (_ => true));
    }

    /// <summary>
    /// Answers 413 <c>EXTRACTION_TOO_BIG</c> (<see cref="ReplayFault.ExtractionTooBig"/>), as Comext does over its row
    /// limit, to every Comext request naming more than <paramref name="maxProducts"/> products or spanning more than
    /// <paramref name="maxPeriods"/> periods (years or months) and accepted by <paramref name="when"/>, until
    /// <see cref="Reset"/>. Requests within the limit are served from the recordings, so a client that splits by
    /// product and then by period gets the recorded parts (e.g. <c>samples/replay/comext/years/</c>).
    /// </summary>
    public void LimitComextExtraction(int maxProducts, int maxPeriods, Func<ReplayRequest, bool>? when = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxProducts, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPeriods, 1);
        InjectFault(ReplayFault.ExtractionTooBig(), Unlimited, r => ComextExtraction.Exceeds(r, maxProducts, maxPeriods) && (when?.Invoke(r) ?? true));
    }

    /// <summary>Forgets pending faults and recorded requests (for tests sharing one server).</summary>
    public void Reset()
    {
        _faults.Clear();
        Exchanges.Clear();
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await LoopbackHttpHost.StopAsync(_app).ConfigureAwait(false);
    }

    private static List<ReplayMount> Mount(IEnumerable<ReplaySource> sources)
    {
        var mounts = new List<ReplayMount>();
        foreach (var source in sources)
        {
            var prefix = "/" + source.Prefix.Trim('/');
            if (mounts.Any(m => string.Equals(m.Prefix, prefix, StringComparison.OrdinalIgnoreCase)))
            {
                throw new ArgumentException($"Two replay sources are mounted at '{prefix}'.", nameof(sources));
            }

            var recordings = source.Directory is null ? [] : ReplayManifest.Load(source.Directory);
            mounts.Add(new ReplayMount(source, prefix, recordings));
        }

        // Longest prefix first, so '/comext/v2' wins over '/comext'.
        return [.. mounts.OrderByDescending(m => m.Prefix.Length)];
    }
}
