using System.Text.Json;
using System.Xml;

namespace Alerts.LocalServiceBus.Topology;

/// <summary>An object in the topology JSON, with its path for errors.</summary>
internal readonly record struct JsonObjectReader(JsonElement Element, string Path, JsonFieldReader Reader)
{
    public JsonElement Required(string name) =>
        Optional(name) ?? throw Reader.Error($"{Path}.{name}", "required field is missing");

    public JsonElement? Optional(string name)
    {
        foreach (var property in Element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value.ValueKind == JsonValueKind.Null ? null : property.Value;
            }
        }

        return null;
    }
}

/// <summary>Typed reads of topology JSON values; every failure names the source file and the JSON path.</summary>
internal sealed class JsonFieldReader(string source)
{
    public TopologyException Error(string path, string problem) => new($"{source}: {path}: {problem}");

    public JsonObjectReader Object(JsonElement element, string path) =>
        element.ValueKind == JsonValueKind.Object ? new JsonObjectReader(element, path, this) : throw Error(path, $"expected an object, found {Describe(element)}");

    public List<JsonElement> Array(JsonElement element, string path) =>
        element.ValueKind == JsonValueKind.Array ? [.. element.EnumerateArray()] : throw Error(path, $"expected an array, found {Describe(element)}");

    public string String(JsonElement element, string path) =>
        element.ValueKind == JsonValueKind.String ? element.GetString()! : throw Error(path, $"expected a string, found {Describe(element)}");

    public string Name(JsonElement element, string path)
    {
        var name = String(element, path);
        return string.IsNullOrWhiteSpace(name) || name.Contains('/') || name.StartsWith('$')
            ? throw Error(path, $"'{name}' is not a valid entity name")
            : name;
    }

    public bool Bool(JsonElement element, string path) =>
        element.ValueKind is JsonValueKind.True or JsonValueKind.False ? element.GetBoolean() : throw Error(path, $"expected true or false, found {Describe(element)}");

    public int PositiveInt(JsonElement element, string path) =>
        element.ValueKind == JsonValueKind.Number && element.TryGetInt32(out var value) && value > 0
            ? value
            : throw Error(path, $"expected a positive whole number, found {Describe(element)}");

    public TimeSpan Duration(JsonElement element, string path)
    {
        var text = String(element, path);
        try
        {
            var value = XmlConvert.ToTimeSpan(text);
            return value > TimeSpan.Zero ? value : throw Error(path, $"duration '{text}' must be positive");
        }
        catch (FormatException)
        {
            throw Error(path, $"'{text}' is not an ISO-8601 duration such as PT1M");
        }
    }

    public object? Scalar(JsonElement element, string path) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString(),
        JsonValueKind.True or JsonValueKind.False => element.GetBoolean(),
        JsonValueKind.Number when element.TryGetInt64(out var l) => l,
        JsonValueKind.Number => element.GetDouble(),
        _ => throw Error(path, $"expected a string, number or boolean, found {Describe(element)}"),
    };

    private static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => $"the string \"{element.GetString()}\"",
        JsonValueKind.Undefined => "nothing",
        _ => element.ValueKind.ToString().ToLowerInvariant(),
    };
}
