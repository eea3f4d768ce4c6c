namespace Alerts.TestKit.Http;

/// <summary>A request the scripted server received.</summary>
/// <param name="Query">Query parameters; a repeated parameter has several values.</param>
/// <param name="At">When it arrived, since the server started.</param>
public sealed record ScriptedRequest(
    string Method,
    string Path,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Query,
    IReadOnlyDictionary<string, string> Headers,
    TimeSpan At)
{
    /// <summary>The first value of a query parameter, or null.</summary>
    public string? Param(string name) => Query.TryGetValue(name, out var v) && v.Count > 0 ? v[0] : null;

    public string? Header(string name) => Headers.TryGetValue(name, out var v) ? v : null;
}
