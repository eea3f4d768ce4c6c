using System.Collections.Concurrent;
using System.Diagnostics;

namespace Alerts.DevStack;

/// <summary>
/// Kills the child processes the stack started when the host exits without disposing them
/// (SIGTERM, Ctrl+C, an unhandled exception, a test run ending).
/// </summary>
/// <remarks>
/// The runtime raises ProcessExit for a normal exit and for SIGTERM/SIGINT it does not cancel. For a host that
/// is killed outright, the children watch their stdin instead (see azurite/guard.js).
/// </remarks>
internal static class ChildProcessGuard
{
    private static readonly ConcurrentDictionary<int, Process> Children = new();

    static ChildProcessGuard()
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) => KillAll();
    }

    public static void Register(Process process) => Children[process.Id] = process;

    public static void Unregister(Process process) => Children.TryRemove(process.Id, out _);

    /// <summary>Kills a process and everything it spawned, then waits (bounded) for it to be gone.</summary>
    public static async Task KillTreeAsync(Process process, TimeSpan timeout)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            using var wait = new CancellationTokenSource(timeout);
            await process.WaitForExitAsync(wait.Token).ConfigureAwait(false);
        }
        catch (InvalidOperationException)
        {
            // Already exited and reaped: nothing left to stop.
        }
        finally
        {
            Unregister(process);
        }
    }

    private static void KillAll()
    {
        foreach (var process in Children.Values)
        {
            try
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(TimeSpan.FromSeconds(5));
            }
            catch (InvalidOperationException)
            {
                // Exited meanwhile.
            }
            catch (System.ComponentModel.Win32Exception)
            {
                // Not ours to kill any more (reaped and the id reused is not possible while we hold the handle).
            }
        }
    }
}
