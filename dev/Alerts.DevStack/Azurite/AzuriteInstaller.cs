using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;

namespace Alerts.DevStack.Azurite;

/// <summary>Finds the pinned Azurite package folder and runs <c>npm ci</c> there on first use.</summary>
internal static class AzuriteInstaller
{
    private static readonly SemaphoreSlim InProcess = new(1, 1);

    /// <summary>Path of the script that starts Azurite under the stdin guard.</summary>
    public static string GuardScript(string directory) => Path.Combine(directory, "guard.js");

    public static async Task<string> EnsureInstalledAsync(AzuriteOptions options, ILogger logger, CancellationToken cancellationToken)
    {
        var directory = options.InstallDirectory ?? Locate();
        if (IsInstalled(directory))
        {
            return directory;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.InstallTimeout);
        await InProcess.WaitAsync(timeout.Token).ConfigureAwait(false);
        try
        {
            // Another test process (dotnet test runs projects in parallel) may be installing into the same folder.
            await using var fileLock = await InstallLock.AcquireAsync(LockPath(directory), timeout.Token).ConfigureAwait(false);
            if (IsInstalled(directory))
            {
                return directory;
            }

            logger.LogInformation("Installing the pinned Azurite with npm ci in {Directory} (first use)", directory);
            await RunNpmCiAsync(options, directory, timeout.Token).ConfigureAwait(false);
            if (!IsInstalled(directory))
            {
                throw new InvalidOperationException($"npm ci in '{directory}' finished but node_modules/.bin/azurite is still missing.");
            }

            return directory;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"Installing Azurite in '{directory}' took longer than {options.InstallTimeout}.");
        }
        finally
        {
            InProcess.Release();
        }
    }

    private static bool IsInstalled(string directory) =>
        File.Exists(Path.Combine(directory, "node_modules", ".bin", "azurite"))
        && File.Exists(Path.Combine(directory, "node_modules", "azurite", "dist", "src", "azurite.js"));

    private static string Locate()
    {
        var root = RepositoryRoot.TryFind();
        if (root is not null)
        {
            var inRepository = Path.Combine(root, "dev", "Alerts.DevStack", "azurite");
            if (File.Exists(Path.Combine(inRepository, "package.json")))
            {
                return inRepository;
            }
        }

        // Outside the repository (a published app), the build copies the package files next to the assemblies.
        var besideApp = Path.Combine(AppContext.BaseDirectory, "azurite");
        if (File.Exists(Path.Combine(besideApp, "package.json")))
        {
            return besideApp;
        }

        throw new InvalidOperationException(
            $"Cannot find the Azurite package folder: no Alerts.sln above '{AppContext.BaseDirectory}' or '{Environment.CurrentDirectory}', "
            + $"and no '{besideApp}/package.json'. Set AzuriteOptions.InstallDirectory.");
    }

    private static string LockPath(string directory)
    {
        // Outside the package folder, so a stale lock file never shows up in git status.
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(directory))))[..16];
        return Path.Combine(Path.GetTempPath(), $"alerts-azurite-install-{hash}.lock");
    }

    private static async Task RunNpmCiAsync(AzuriteOptions options, string directory, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(options.NpmPath)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "ci", "--no-audit", "--no-fund", "--loglevel=error" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = StartOrExplain(start, "npm (AzuriteOptions.NpmPath)");
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        if (process.ExitCode != 0)
        {
            var text = (await output.ConfigureAwait(false)) + (await errors.ConfigureAwait(false));
            throw new InvalidOperationException($"npm ci in '{directory}' failed with exit code {process.ExitCode}: {Tail(text)}");
        }
    }

    /// <summary>Starts a tool, turning "file not found" into a message that says what is missing and how to fix it.</summary>
    internal static Process StartOrExplain(ProcessStartInfo start, string what)
    {
        try
        {
            return Process.Start(start) ?? throw new InvalidOperationException($"Could not start {what} '{start.FileName}'.");
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            throw new InvalidOperationException(
                $"Could not start {what} '{start.FileName}': {exception.Message}. Azurite needs Node.js 20 or later with npm on PATH.", exception);
        }
    }

    private static string Tail(string text) => text.Length <= 2000 ? text : text[^2000..];
}
