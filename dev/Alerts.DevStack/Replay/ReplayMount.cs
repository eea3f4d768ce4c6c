namespace Alerts.DevStack.Replay;

/// <summary>A source with its normalized prefix and loaded recordings.</summary>
internal sealed record ReplayMount(ReplaySource Source, string Prefix, IReadOnlyList<ReplayRecording> Recordings)
{
    /// <summary>The path below this mount's prefix, or null when the request is not under it.</summary>
    public string? Relative(string path)
    {
        if (Prefix == "/")
        {
            return path;
        }

        if (!path.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var rest = path[Prefix.Length..];
        return rest.Length == 0 ? "/" : rest[0] == '/' ? rest : null;
    }
}
