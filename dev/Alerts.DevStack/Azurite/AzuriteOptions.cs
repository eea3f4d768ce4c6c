using Microsoft.Extensions.Logging;

namespace Alerts.DevStack.Azurite;

/// <summary>Options for <see cref="AzuriteServer"/>.</summary>
public sealed class AzuriteOptions
{
    /// <summary>
    /// Folder holding the pinned <c>package.json</c>, <c>package-lock.json</c> and <c>guard.js</c>; null = the
    /// repository's <c>dev/Alerts.DevStack/azurite</c>, else the copy next to the app.
    /// </summary>
    public string? InstallDirectory { get; set; }

    /// <summary>The Node.js executable (default: <c>node</c> on PATH).</summary>
    public string NodePath { get; set; } = "node";

    /// <summary>The npm executable used for the first-use install (default: <c>npm</c> on PATH).</summary>
    public string NpmPath { get; set; } = "npm";

    /// <summary>How long the first-use <c>npm ci</c> (including waiting for another process installing) may take.</summary>
    public TimeSpan InstallTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long Azurite may take until all three services accept connections.</summary>
    public TimeSpan StartTimeout { get; set; } = TimeSpan.FromSeconds(90);

    /// <summary>Logs Azurite's output at Debug and install progress at Information.</summary>
    public ILoggerFactory? LoggerFactory { get; set; }
}
