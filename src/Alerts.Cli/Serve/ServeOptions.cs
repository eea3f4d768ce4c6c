namespace Alerts.Cli.Serve;

/// <summary>What <c>alerts serve</c> was asked for.</summary>
public sealed class ServeOptions
{
    /// <summary>A <c>local.settings.json</c>-shaped file: serve against its resources instead of the local stack.</summary>
    public string? SettingsFile { get; init; }

    /// <summary>Port on 127.0.0.1; 0 = a free one.</summary>
    public int Port { get; init; } = 7071;

    /// <summary>Local stack: where mails and cards are written; null = a new temporary folder.</summary>
    public string? CaptureDirectory { get; init; }

    /// <summary>Local stack: seed the demo subscriptions and pull the sample data once at start.</summary>
    public bool Sample { get; init; } = true;
}
