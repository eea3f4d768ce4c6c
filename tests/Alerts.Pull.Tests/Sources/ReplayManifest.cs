using System.Text.Json;
using Alerts.TestKit.Http;
using Alerts.TestKit.Samples;

namespace Alerts.Pull.Tests.Sources;

/// <summary>
/// Reads <c>samples/replay/comext/recordings.json</c> and answers a request the way the replay server's
/// matching rule says: method and path equal, every listed query parameter present with that value.
/// </summary>
internal sealed class ReplayManifest
{
    private readonly List<Entry> _entries;
    private readonly string _folder;

    private ReplayManifest(List<Entry> entries, string folder)
    {
        _entries = entries;
        _folder = folder;
    }

    public static ReplayManifest LoadComext()
    {
        var path = SampleFiles.Get("replay/comext/recordings.json");
        var entries = JsonSerializer.Deserialize<List<Entry>>(File.ReadAllText(path), new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!;
        return new ReplayManifest(entries, Path.GetDirectoryName(path)!);
    }

    public IReadOnlyList<Entry> Matches(ScriptedRequest request) =>
        _entries.Where(e => e.Method == request.Method && e.Path == request.Path
                            && e.Query.All(q => request.Query.TryGetValue(q.Key, out var values) && values.Contains(q.Value))).ToList();

    public ScriptedResponse Answer(ScriptedRequest request)
    {
        var matches = Matches(request);
        return matches.Count == 0
            ? new ScriptedResponse(404, "{\"error\":{\"status\":404,\"label\":\"no recording\"}}")
            : new ScriptedResponse(matches[0].Status, File.ReadAllText(Path.Combine(_folder, matches[0].BodyFile)), matches[0].ContentType);
    }

    public sealed record Entry(string Method, string Path, Dictionary<string, string> Query, int Status, string ContentType, string BodyFile);
}
