using System.Text.Json;

namespace Alerts.DevStack.Replay;

/// <summary>Reads and checks a source's <c>recordings.json</c>: an array of recordings, first match wins.</summary>
public static class ReplayManifest
{
    /// <summary>
    /// Loads the manifest of <paramref name="directory"/>; throws <see cref="ReplayManifestException"/> naming the
    /// file, JSON path and problem for malformed JSON, missing or mistyped fields and body files that do not exist.
    /// </summary>
    public static IReadOnlyList<ReplayRecording> Load(string directory)
    {
        var file = Path.Combine(Path.GetFullPath(directory), ReplaySource.ManifestFileName);
        if (!File.Exists(file))
        {
            throw new ReplayManifestException(file, "$", "manifest file not found");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllBytes(file), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException exception)
        {
            throw new ReplayManifestException(file, $"line {exception.LineNumber + 1}", $"not valid JSON ({exception.Message})", exception);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                throw new ReplayManifestException(file, "$", $"expected an array of recordings, found {document.RootElement.ValueKind}");
            }

            var reader = new ManifestReader(file, Path.GetDirectoryName(file)!);
            return document.RootElement.EnumerateArray().Select((entry, index) => reader.Read(entry, $"$[{index}]")).ToArray();
        }
    }

    private sealed class ManifestReader(string file, string directory)
    {
        public ReplayRecording Read(JsonElement entry, string at)
        {
            if (entry.ValueKind != JsonValueKind.Object)
            {
                throw Error(at, $"expected an object, found {entry.ValueKind}");
            }

            var method = RequiredString(entry, at, "method");
            var path = RequiredString(entry, at, "path");
            if (!path.StartsWith('/'))
            {
                throw Error($"{at}.path", $"must start with '/', found '{path}'");
            }

            var status = 200;
            if (entry.TryGetProperty("status", out var statusElement)
                && (!statusElement.TryGetInt32(out status) || status is < 100 or > 599))
            {
                throw Error($"{at}.status", $"expected an HTTP status code 100-599, found {statusElement.GetRawText()}");
            }

            var contentType = OptionalString(entry, at, "contentType") ?? "application/json";
            var bodyFile = OptionalString(entry, at, "bodyFile") is { } name ? BodyPath(name, $"{at}.bodyFile") : null;
            return new ReplayRecording(method, path, Query(entry, at), status, contentType, bodyFile, Headers(entry, at));
        }

        private string BodyPath(string name, string at)
        {
            var full = Path.GetFullPath(Path.Combine(directory, name));
            if (!full.StartsWith(directory + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                throw Error(at, $"'{name}' points outside the source folder");
            }

            if (!File.Exists(full))
            {
                throw Error(at, $"body file '{name}' not found in {directory}");
            }

            return full;
        }

        private Dictionary<string, IReadOnlyList<string>> Query(JsonElement entry, string at)
        {
            var query = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
            if (!entry.TryGetProperty("query", out var element) || element.ValueKind == JsonValueKind.Null)
            {
                return query;
            }

            if (element.ValueKind != JsonValueKind.Object)
            {
                throw Error($"{at}.query", $"expected an object of parameter values, found {element.ValueKind}");
            }

            foreach (var parameter in element.EnumerateObject())
            {
                var where = $"{at}.query.{parameter.Name}";
                query[parameter.Name] = parameter.Value.ValueKind switch
                {
                    JsonValueKind.String => [parameter.Value.GetString()!],
                    JsonValueKind.Number => [parameter.Value.GetRawText()],
                    JsonValueKind.Array => parameter.Value.EnumerateArray().Select((v, i) => v.ValueKind == JsonValueKind.String
                        ? v.GetString()!
                        : throw Error($"{where}[{i}]", $"expected a string, found {v.ValueKind}")).ToArray(),
                    _ => throw Error(where, $"expected a string or an array of strings, found {parameter.Value.ValueKind}"),
                };
            }

            return query;
        }

        private Dictionary<string, string> Headers(JsonElement entry, string at)
        {
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            if (!entry.TryGetProperty("headers", out var element) || element.ValueKind == JsonValueKind.Null)
            {
                return headers;
            }

            if (element.ValueKind != JsonValueKind.Object)
            {
                throw Error($"{at}.headers", $"expected an object, found {element.ValueKind}");
            }

            foreach (var header in element.EnumerateObject())
            {
                headers[header.Name] = header.Value.ValueKind == JsonValueKind.String
                    ? header.Value.GetString()!
                    : throw Error($"{at}.headers.{header.Name}", $"expected a string, found {header.Value.ValueKind}");
            }

            return headers;
        }

        private string RequiredString(JsonElement entry, string at, string name) =>
            OptionalString(entry, at, name) is { Length: > 0 } value ? value : throw Error($"{at}.{name}", "required string is missing or empty");

        private string? OptionalString(JsonElement entry, string at, string name)
        {
            if (!entry.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            return element.ValueKind == JsonValueKind.String
                ? element.GetString()
                : throw Error($"{at}.{name}", $"expected a string, found {element.ValueKind}");
        }

        private ReplayManifestException Error(string at, string problem) => new(file, at, problem);
    }
}
