namespace Alerts.DevStack.Replay;

/// <summary>A request as the replay server saw it, relative to its source.</summary>
/// <param name="Source">Name of the source whose prefix matched, or null when none did.</param>
/// <param name="Method">HTTP method.</param>
/// <param name="Path">Path below the source prefix (the full path when no source matched).</param>
/// <param name="Query">Query parameters; a repeated parameter has several values.</param>
/// <param name="ReceivedAt">When it arrived.</param>
public sealed record ReplayRequest(
    string? Source,
    string Method,
    string Path,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Query,
    DateTimeOffset ReceivedAt)
{
    /// <summary>The first value of a query parameter, or null.</summary>
    public string? QueryValue(string name) => Query.TryGetValue(name, out var values) && values.Count > 0 ? values[0] : null;

    /// <summary>Every value of a query parameter, in request order (empty when absent).</summary>
    public IReadOnlyList<string> QueryValues(string name) => Query.TryGetValue(name, out var values) ? values : [];
}
