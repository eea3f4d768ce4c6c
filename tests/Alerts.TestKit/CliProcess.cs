using System.Diagnostics;
using System.Globalization;
using Xunit;

namespace Alerts.TestKit;

/// <summary>The `alerts` command run as a process by the tests of devstack and serve: its printed settings, its signals.</summary>
public static class CliProcess
{
    /// <summary>The <c>KEY=VALUE</c> lines printed before <c>ready</c>; fails naming <paramref name="command"/> if output ends first.</summary>
    public static async Task<Dictionary<string, string>> ReadSettingsUntilReadyAsync(Process cli, TimeSpan timeout, string command)
    {
        ArgumentNullException.ThrowIfNull(cli);
        _ = cli.StandardError.ReadToEndAsync(); // logs: drained so the child never blocks on a full pipe
        using var deadline = new CancellationTokenSource(timeout);
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        while (await cli.StandardOutput.ReadLineAsync(deadline.Token) is { } line)
        {
            if (line == "ready")
            {
                return settings;
            }

            var equals = line.IndexOf('=', StringComparison.Ordinal);
            Assert.True(equals > 0, $"expected KEY=VALUE before 'ready', got '{line}'");
            settings[line[..equals]] = line[(equals + 1)..];
        }

        throw new Xunit.Sdk.XunitException($"{command} ended its output without 'ready' (exit code {(cli.HasExited ? cli.ExitCode : -1)}).");
    }

    /// <summary>Sends <paramref name="signal"/> (e.g. TERM) with kill(1), as a service manager would.</summary>
    public static async Task SignalAsync(int processId, string signal)
    {
        using var kill = Process.Start("kill", [$"-{signal}", processId.ToString(CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
        Assert.Equal(0, kill.ExitCode);
    }
}
