using System.Diagnostics;
using Alerts.DevStack;
using Alerts.TestKit;

namespace Alerts.DevStack.Tests;

[Collection(ProcessSensitiveCollection.Name)]
public sealed class DevStackCommandTests
{
    // Generous: on a fresh clone the first start installs Azurite with npm ci.
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(15);

    [Theory]
    // SIGTERM, as a service manager or `kill` sends
    [InlineData("TERM")]
    // SIGINT, as Ctrl+C sends
    [InlineData("INT")]
    public async Task Devstack_SignalAfterReady_PrintsSettingsThenExitsZeroLeavingNoAzurite(string signal)
    {
        var capture = Directory.CreateTempSubdirectory("devstack-capture-").FullName;
        using var cli = StartCli("devstack", "--capture-dir", capture);
        try
        {
            var settings = await CliProcess.ReadSettingsUntilReadyAsync(cli, ReadyTimeout, "devstack");

            Assert.Contains("UseDevelopmentEmulator=true", settings[LocalStackSettings.ServiceBusConnectionString], StringComparison.Ordinal);
            Assert.Contains("TableEndpoint=http://127.0.0.1:", settings[LocalStackSettings.StorageConnectionString], StringComparison.Ordinal);
            foreach (var name in new[] { LocalStackSettings.SmtpHost, LocalStackSettings.SmtpPort, LocalStackSettings.WebhooksBaseUrl, LocalStackSettings.ComextBaseUrl })
            {
                Assert.True(settings.ContainsKey(name), $"{name} should be printed");
            }

            var tablePort = TablePort(settings);
            Assert.True(await ProcessProbe.AcceptsAsync(tablePort));

            await CliProcess.SignalAsync(cli.Id, signal);
            using var exit = new CancellationTokenSource(ExitTimeout);
            await cli.WaitForExitAsync(exit.Token);

            Assert.Equal(0, cli.ExitCode);
            Assert.Empty(ProcessProbe.WithCommandLine($"--tablePort {tablePort}"));
            Assert.False(await ProcessProbe.AcceptsAsync(tablePort));
        }
        finally
        {
            if (!cli.HasExited)
            {
                cli.Kill(entireProcessTree: true);
            }

            Directory.Delete(capture, recursive: true);
        }
    }

    [Fact]
    public async Task Devstack_HostKilled_AzuriteExitsWithIt()
    {
        using var cli = StartCli("devstack");
        try
        {
            var settings = await CliProcess.ReadSettingsUntilReadyAsync(cli, ReadyTimeout, "devstack");
            var tablePort = TablePort(settings);

            await CliProcess.SignalAsync(cli.Id, "KILL");
            using var exit = new CancellationTokenSource(ExitTimeout);
            await cli.WaitForExitAsync(exit.Token);

            // Nobody disposed the stack: Azurite's guard notices its stdin closing and exits by itself.
            var waited = Stopwatch.StartNew();
            while (ProcessProbe.WithCommandLine($"--tablePort {tablePort}").Count > 0 && waited.Elapsed < ExitTimeout)
            {
                await Task.Delay(100);
            }

            Assert.Empty(ProcessProbe.WithCommandLine($"--tablePort {tablePort}"));
        }
        finally
        {
            if (!cli.HasExited)
            {
                cli.Kill(entireProcessTree: true);
            }
        }
    }

    [Theory]
    // an option devstack does not know
    [InlineData("--verbose")]
    // --capture-dir without its folder
    [InlineData("--capture-dir")]
    public async Task Devstack_BadOption_ExitsTwoNamingIt(string option)
    {
        using var cli = StartCli("devstack", option);
        using var exit = new CancellationTokenSource(ExitTimeout);

        var errors = await cli.StandardError.ReadToEndAsync(exit.Token);
        await cli.WaitForExitAsync(exit.Token);

        Assert.Equal(2, cli.ExitCode);
        Assert.Contains(option, errors, StringComparison.Ordinal);
    }

    private static int TablePort(Dictionary<string, string> settings) =>
        new Uri(settings[LocalStackSettings.StorageConnectionString].Split(';')
            .Single(p => p.StartsWith("TableEndpoint=", StringComparison.Ordinal))["TableEndpoint=".Length..]).Port;

    private static Process StartCli(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "alerts.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet");
    }
}
