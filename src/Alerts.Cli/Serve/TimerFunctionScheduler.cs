using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Alerts.Cli.Serve;

/// <summary>
/// Fires the manifest's timer functions on their schedules, each in a scope of its own. A timer never overlaps
/// itself (like the host's singleton timers): a run that outlasts its interval skips the occurrences it missed.
/// A failed run is logged and the timer keeps its schedule. Schedules are resolved when the host is built, so a
/// missing or bad schedule setting stops the start, naming the setting.
/// </summary>
public sealed class TimerFunctionScheduler : BackgroundService
{
    private readonly IServiceScopeFactory _scopes;
    private readonly TimeProvider _time;
    private readonly ILogger<TimerFunctionScheduler> _logger;
    private readonly Dictionary<string, (TimerSchedule Schedule, FunctionInvoker Invoker, SemaphoreSlim Gate)> _timers = new(StringComparer.Ordinal);

    public TimerFunctionScheduler(FunctionManifest manifest, IConfiguration configuration, IServiceScopeFactory scopes, TimeProvider time, ILogger<TimerFunctionScheduler> logger)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        _scopes = scopes;
        _time = time;
        _logger = logger;
        foreach (var timer in manifest.Timers)
        {
            _timers[timer.Name] = (TimerSchedule.Resolve(timer, configuration), FunctionInvoker.For(timer.Name, timer.EntryPoint), new SemaphoreSlim(1, 1));
        }
    }

    /// <summary>The timers and their resolved expressions.</summary>
    public IReadOnlyDictionary<string, string> Schedules => _timers.ToDictionary(t => t.Key, t => t.Value.Schedule.Expression, StringComparer.Ordinal);

    /// <summary>Runs one timer function now (waiting for a run in progress to finish first); false if it failed.</summary>
    public async Task<bool> RunNowAsync(string name, CancellationToken cancellationToken)
    {
        var (schedule, invoker, gate) = _timers[name];
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var now = _time.GetUtcNow();
            var info = new TimerInfo { IsPastDue = false, ScheduleStatus = new ScheduleStatus { Last = now.UtcDateTime, Next = schedule.Next(now)?.UtcDateTime ?? default, LastUpdated = now.UtcDateTime } };
            await using var scope = _scopes.CreateAsyncScope();
            _logger.LogDebug("Timer function {Function} starting", name);
            await invoker.InvokeAsync(scope.ServiceProvider, new InvocationInput(null, info, cancellationToken)).ConfigureAwait(false);
            _logger.LogDebug("Timer function {Function} finished", name);
            return true;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception)
        {
            _logger.LogError(exception, "Timer function {Function} failed", name);
            return false;
        }
        finally
        {
            gate.Release();
        }
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(_timers.Select(t => RunScheduleAsync(t.Key, t.Value.Schedule, stoppingToken)));

    public override void Dispose()
    {
        foreach (var (_, _, gate) in _timers.Values)
        {
            gate.Dispose();
        }

        base.Dispose();
    }

    private async Task RunScheduleAsync(string name, TimerSchedule schedule, CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var now = _time.GetUtcNow();
                if (schedule.Next(now) is not { } next)
                {
                    return;
                }

                await Task.Delay(next - now, _time, stoppingToken).ConfigureAwait(false);
                await RunNowAsync(name, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // stopping
        }
    }
}
