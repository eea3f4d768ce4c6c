namespace Alerts.DevStack.Replay;

/// <summary>One recorded source (e.g. Comext) mounted under a path prefix of the <see cref="ReplayServer"/>.</summary>
/// <param name="Name">Short name used for base URLs and logs, e.g. <c>comext</c>.</param>
/// <param name="Prefix">Path prefix, e.g. <c>/comext</c>; requests below it are matched against this source.</param>
/// <param name="Directory">Folder with <c>recordings.json</c> and the body files; null = a source with no recordings (every request 404).</param>
public sealed record ReplaySource(string Name, string Prefix, string? Directory)
{
    /// <summary>The manifest file name inside <see cref="Directory"/>.</summary>
    public const string ManifestFileName = "recordings.json";
}
