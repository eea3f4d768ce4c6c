using System.Text.Json;
using System.Text.Json.Serialization;

namespace Alerts.Evaluate.Rules;

/// <summary>
/// Parses rule definitions from JSON: either <c>{"rules": [ ... ]}</c> or a bare array. Unknown fields are
/// errors, so a misspelt <c>"treshold"</c> does not silently keep the default; each error names the JSON path.
/// </summary>
public static class RuleJsonParser
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNameCaseInsensitive = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <param name="source">Names the input in error messages (e.g. the file path).</param>
    /// <exception cref="RuleConfigurationException">Not JSON, not of that shape, or a rule with a wrong or unknown field.</exception>
    public static IReadOnlyList<RuleDefinition> Parse(string json, string source)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            var root = doc.RootElement;
            var prefix = "$";
            if (root.ValueKind == JsonValueKind.Object)
            {
                var rules = root.EnumerateObject().FirstOrDefault(p => string.Equals(p.Name, "rules", StringComparison.OrdinalIgnoreCase));
                if (rules.Value.ValueKind != JsonValueKind.Array || root.EnumerateObject().Count() != 1)
                {
                    throw new RuleConfigurationException(source, ["$: expected an array of rules or an object with only a 'rules' array"]);
                }

                root = rules.Value;
                prefix = "$." + rules.Name;
            }

            if (root.ValueKind != JsonValueKind.Array)
            {
                throw new RuleConfigurationException(source, ["$: expected an array of rules or an object with only a 'rules' array"]);
            }

            var result = new List<RuleDefinition>();
            var i = 0;
            foreach (var item in root.EnumerateArray())
            {
                try
                {
                    result.Add(item.Deserialize<RuleDefinition>(JsonOptions)
                        ?? throw new RuleConfigurationException(source, [$"{prefix}[{i}]: a rule cannot be null"]));
                }
                catch (JsonException e)
                {
                    var path = e.Path is null or "$" ? string.Empty : e.Path[1..];
                    throw new RuleConfigurationException(source, [$"{prefix}[{i}]{path}: {FirstSentence(e.Message)}"], e);
                }

                i++;
            }

            return result;
        }
        catch (JsonException e)
        {
            throw new RuleConfigurationException(source, [$"line {e.LineNumber + 1}, position {e.BytePositionInLine + 1}: not valid JSON ({FirstSentence(e.Message)})"], e);
        }
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
