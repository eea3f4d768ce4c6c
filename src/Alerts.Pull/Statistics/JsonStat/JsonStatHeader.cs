using System.Globalization;
using System.Text.Json;
using Alerts.Pull.Statistics.Parsing;

namespace Alerts.Pull.Statistics.JsonStat;

/// <summary>
/// The small parts of a JSON-stat dataset (<c>updated</c>, <c>id</c>, <c>size</c>, the category index of each
/// dimension) and where <c>value</c> sits in the payload, as read by the first pass. Holds no cells.
/// </summary>
internal sealed class JsonStatHeader
{
    public string? Updated { get; set; }

    public List<string>? Ids { get; set; }

    public List<int>? Sizes { get; set; }

    /// <summary>True once <c>dimension</c> has been read (whatever it contained).</summary>
    public bool HasDimensions { get; set; }

    public Dictionary<string, string[]> Categories { get; } = new(StringComparer.Ordinal);

    /// <summary>True once <c>value</c> was met, streamed or skipped.</summary>
    public bool HasValue { get; set; }

    /// <summary>Byte offset of the <c>{</c> or <c>[</c> that opens <c>value</c>, for the second pass.</summary>
    public long ValueOffset { get; set; }

    /// <summary>Number of entries of a dense <c>value</c> array, counted while skipping it.</summary>
    public long? DenseLength { get; set; }

    /// <summary>True when id, size and dimension are all known, so <c>value</c> can be streamed as it is met.</summary>
    public bool DescribesCube => Ids is not null && Sizes is not null && HasDimensions;

    public void ReadDimensions(JsonTokenStream json, PayloadErrors errors)
    {
        ExpectStart(json, errors, "$.dimension", JsonTokenType.StartObject);
        HasDimensions = true;
        while (true)
        {
            json.Next("$.dimension");
            if (json.TokenType == JsonTokenType.EndObject)
            {
                return;
            }

            var id = json.GetString();
            var path = $"$.dimension.{id}";
            json.Next(path);
            ExpectStart(json, errors, path, JsonTokenType.StartObject);
            while (true)
            {
                json.Next(path);
                if (json.TokenType == JsonTokenType.EndObject)
                {
                    break;
                }

                var prop = json.GetString();
                json.Next(path + "." + prop);
                if (prop != "category")
                {
                    json.SkipValue(path + "." + prop);
                    continue;
                }

                ExpectStart(json, errors, path + ".category", JsonTokenType.StartObject);
                while (true)
                {
                    json.Next(path + ".category");
                    if (json.TokenType == JsonTokenType.EndObject)
                    {
                        break;
                    }

                    var cprop = json.GetString();
                    var cpath = path + ".category." + cprop;
                    json.Next(cpath);
                    if (cprop == "index")
                    {
                        Categories[id] = ReadIndex(json, errors, cpath);
                    }
                    else
                    {
                        json.SkipValue(cpath);
                    }
                }
            }
        }
    }

    public static List<string> ReadStringArray(JsonTokenStream json, PayloadErrors errors, string path)
    {
        ExpectStart(json, errors, path, JsonTokenType.StartArray);
        var list = new List<string>();
        while (true)
        {
            var where = string.Create(CultureInfo.InvariantCulture, $"{path}[{list.Count}]");
            json.Next(where);
            if (json.TokenType == JsonTokenType.EndArray)
            {
                return list;
            }

            list.Add(ExpectString(json, errors, where));
        }
    }

    public static List<int> ReadSizes(JsonTokenStream json, PayloadErrors errors, string path)
    {
        ExpectStart(json, errors, path, JsonTokenType.StartArray);
        var list = new List<int>();
        while (true)
        {
            var where = string.Create(CultureInfo.InvariantCulture, $"{path}[{list.Count}]");
            json.Next(where);
            if (json.TokenType == JsonTokenType.EndArray)
            {
                return list;
            }

            if (json.TokenType != JsonTokenType.Number || !json.TryGetInt64(out var size) || size < 1 || size > 10_000_000)
            {
                throw errors.At(where, $"expected a positive integer size, found {json.Describe()}");
            }

            list.Add((int)size);
        }
    }

    public static string ExpectString(JsonTokenStream json, PayloadErrors errors, string path) =>
        json.TokenType == JsonTokenType.String ? json.GetString() : throw errors.At(path, $"expected a string, found {json.Describe()}");

    public static void ExpectStart(JsonTokenStream json, PayloadErrors errors, string path, JsonTokenType type)
    {
        if (json.TokenType != type)
        {
            throw errors.At(path, $"expected {(type == JsonTokenType.StartObject ? "an object" : "an array")}, found {json.Describe()}");
        }
    }

    /// <summary>JSON-stat allows the index as <c>{"code": position}</c> or as an array of codes in order.</summary>
    private static string[] ReadIndex(JsonTokenStream json, PayloadErrors errors, string path)
    {
        if (json.TokenType == JsonTokenType.StartArray)
        {
            var list = ReadStringArray(json, errors, path);
            if (list.Distinct(StringComparer.Ordinal).Count() != list.Count)
            {
                throw errors.At(path, "lists a category twice");
            }

            return [.. list];
        }

        ExpectStart(json, errors, path, JsonTokenType.StartObject);
        var pairs = new List<(string Code, long Position)>();
        while (true)
        {
            json.Next(path);
            if (json.TokenType == JsonTokenType.EndObject)
            {
                break;
            }

            var code = json.GetString();
            json.Next($"{path}.{code}");
            if (json.TokenType != JsonTokenType.Number || !json.TryGetInt64(out var pos))
            {
                throw errors.At($"{path}.{code}", $"expected an integer position, found {json.Describe()}");
            }

            pairs.Add((code, pos));
        }

        var result = new string[pairs.Count];
        foreach (var (code, pos) in pairs)
        {
            if (pos < 0 || pos >= pairs.Count || result[pos] is not null)
            {
                throw errors.At($"{path}.{code}", string.Create(CultureInfo.InvariantCulture, $"position {pos} is out of range or used twice (positions must be 0..{pairs.Count - 1})"));
            }

            result[pos] = code;
        }

        return result;
    }
}
