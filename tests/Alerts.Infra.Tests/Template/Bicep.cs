using System.Diagnostics;
using System.Reflection;

namespace Alerts.Infra.Tests.Template;

/// <summary>The Bicep CLI from the <c>Azure.Bicep.CommandLine.linux-x64</c> package, run as a process.</summary>
public static class Bicep
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    /// <summary>The repository root (where <c>Alerts.sln</c> is), as the test project was built from.</summary>
    public static string RepositoryRoot { get; } = Metadata("RepositoryRoot");

    /// <summary>A path under the repository root, e.g. <c>infra/main.bicep</c>.</summary>
    public static string PathOf(string relative) => Path.Combine(RepositoryRoot, relative);

    /// <summary>Runs <c>bicep</c> with the arguments; returns its exit code and what it printed on both streams.</summary>
    public static BicepResult Run(params string[] arguments)
    {
        var executable = Metadata("BicepExecutable");
        if (!File.Exists(executable))
        {
            throw new FileNotFoundException($"bicep not found at {executable}: restore tests/Alerts.Infra.Tests first", executable);
        }

        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // No telemetry and no update checks: the CLI must work without a network.
        start.Environment["BICEP_TELEMETRY_ENABLED"] = "false";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("bicep did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"bicep {string.Join(' ', arguments)} took longer than {Timeout}");
        }

        return new BicepResult(process.ExitCode, output.Result, error.Result);
    }

    private static string Metadata(string key) =>
        typeof(Bicep).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == key)?.Value
        ?? throw new InvalidOperationException($"assembly metadata {key} missing");
}

/// <summary>What one run of the Bicep CLI gave.</summary>
public sealed record BicepResult(int ExitCode, string Output, string Error)
{
    /// <summary>Both streams, for assertion messages.</summary>
    public override string ToString() => $"exit {ExitCode}\n{Output}\n{Error}";
}
