using Alerts.Platform.Bus;
using Alerts.Platform.Storage;
using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.Logging;

namespace Alerts.Functions.Health;

/// <summary>The report of <c>GET /api/health</c>: <c>ok</c> or <c>degraded</c>, and each dependency by name.</summary>
public sealed record HealthReport(string Status, IReadOnlyDictionary<string, DependencyCheck> Checks, DateTimeOffset CheckedAt);

/// <summary>One dependency: <c>ok</c> or <c>unreachable</c>, with the exception type (never a message, which could hold an address or key).</summary>
public sealed record DependencyCheck(string Status, string? Error, double Milliseconds);

/// <summary>
/// Reaches storage (a point read on the indices table) and Service Bus (opens a sender on <c>breaches</c> and asks
/// for a batch, sending nothing), each within a few seconds; the answer is reused for <see cref="CacheFor"/>.
/// </summary>
public sealed partial class DependencyHealth(StorageAccount storage, ServiceBusClient bus, TimeProvider time, ILogger<DependencyHealth> logger)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private HealthReport? _last;

    public async Task<HealthReport> CheckAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_last is { } last && time.GetUtcNow() - last.CheckedAt < CacheFor)
            {
                return last;
            }

            var checks = new Dictionary<string, DependencyCheck>(StringComparer.Ordinal)
            {
                ["storage"] = await ProbeAsync("storage", async ct =>
                    await storage.Table(StorageNames.IndicesTable).GetEntityIfExistsAsync<Azure.Data.Tables.TableEntity>("health", "probe", cancellationToken: ct).ConfigureAwait(false), cancellationToken).ConfigureAwait(false),
                ["serviceBus"] = await ProbeAsync("serviceBus", async ct =>
                {
                    await using var sender = bus.CreateSender(ServiceBusNames.BreachesTopic);
                    using var batch = await sender.CreateMessageBatchAsync(ct).ConfigureAwait(false);
                }, cancellationToken).ConfigureAwait(false),
            };
            _last = new HealthReport(checks.Values.All(c => c.Status == "ok") ? "ok" : "degraded", checks, time.GetUtcNow());
            return _last;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<DependencyCheck> ProbeAsync(string name, Func<CancellationToken, Task> probe, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(Timeout);
        try
        {
            await probe(deadline.Token).ConfigureAwait(false);
            return new DependencyCheck("ok", null, time.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            LogUnreachable(logger, e, name);
            return new DependencyCheck("unreachable", e.GetType().Name, time.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Health check: {Dependency} is unreachable")]
    private static partial void LogUnreachable(ILogger logger, Exception exception, string dependency);
}
