namespace Alerts.DevStack.Replay;

/// <summary>A <c>recordings.json</c> manifest that cannot be used; the message names the file, the JSON path and the problem.</summary>
public sealed class ReplayManifestException : Exception
{
    public ReplayManifestException(string file, string jsonPath, string problem, Exception? inner = null)
        : base($"{file}: {jsonPath}: {problem}", inner)
    {
        File = file;
        JsonPath = jsonPath;
    }

    /// <summary>The manifest file.</summary>
    public string File { get; }

    /// <summary>Where in the file, e.g. <c>$[2].bodyFile</c>.</summary>
    public string JsonPath { get; }
}
