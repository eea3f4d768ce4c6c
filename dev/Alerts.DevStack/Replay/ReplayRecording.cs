namespace Alerts.DevStack.Replay;

/// <summary>One entry of a <c>recordings.json</c> manifest: which request it answers and with what.</summary>
/// <param name="Method">HTTP method, compared case-insensitively.</param>
/// <param name="Path">Path below the source's prefix, compared case-insensitively, e.g. <c>/statistics/1.0/data/DS-045409</c>.</param>
/// <param name="Query">Parameters the request must carry with these values (others are ignored); several values = all required.</param>
/// <param name="Status">Status code to answer.</param>
/// <param name="ContentType">Content type of the body.</param>
/// <param name="BodyFile">Full path of the body file, or null for an empty body.</param>
/// <param name="Headers">Extra response headers.</param>
public sealed record ReplayRecording(
    string Method,
    string Path,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Query,
    int Status,
    string ContentType,
    string? BodyFile,
    IReadOnlyDictionary<string, string> Headers)
{
    /// <summary>True when this recording answers the request (method, path, and every listed query value).</summary>
    public bool Matches(string method, string path, IReadOnlyDictionary<string, IReadOnlyList<string>> query)
    {
        if (!string.Equals(Method, method, StringComparison.OrdinalIgnoreCase)
            || !string.Equals(Path.TrimEnd('/'), path.TrimEnd('/'), StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        foreach (var (name, required) in Query)
        {
            if (!query.TryGetValue(name, out var actual) || required.Any(value => !actual.Contains(value, StringComparer.Ordinal)))
            {
                return false;
            }
        }

        return true;
    }
}
