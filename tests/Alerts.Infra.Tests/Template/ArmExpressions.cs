using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Alerts.Infra.Tests.Template;

/// <summary>
/// Evaluates the ARM template expressions left in a Bicep snapshot (<c>[reference(...).clientId]</c>,
/// <c>[format(...)]</c>, <c>[guid(...)]</c>, ...): the few functions this template uses, with
/// <see cref="DeployedValues"/> standing in for what Azure returns at deployment. An unknown function throws,
/// so a new kind of expression is noticed rather than passed through.
/// </summary>
public sealed class ArmExpressions(IReadOnlyDictionary<string, JsonNode?> parameters)
{
    /// <summary>The value with every expression string in it (at any depth) evaluated.</summary>
    public JsonNode? Evaluate(JsonNode? value) => value switch
    {
        JsonObject o => new JsonObject(o.Select(p => KeyValuePair.Create(p.Key, Evaluate(p.Value)))),
        JsonArray a => new JsonArray(a.Select(Evaluate).ToArray()),
        JsonValue v when v.TryGetValue<string>(out var s) && IsExpression(s) => new Parser(s[1..^1], this).Parse()?.DeepClone(),
        JsonValue v when v.TryGetValue<string>(out var s) && s.StartsWith("[[", StringComparison.Ordinal) => JsonValue.Create(s[1..]),
        _ => value?.DeepClone(),
    };

    /// <summary>The string value of an expression or literal.</summary>
    public string? EvaluateString(JsonNode? value) => Evaluate(value)?.GetValue<string>();

    private static bool IsExpression(string s) => s.StartsWith('[') && !s.StartsWith("[[", StringComparison.Ordinal) && s.EndsWith(']');

    private JsonNode? Call(string function, IReadOnlyList<JsonNode?> args) => function.ToLowerInvariant() switch
    {
        "format" => JsonValue.Create(string.Format(CultureInfo.InvariantCulture, Text(args[0]), args.Skip(1).Select(a => (object?)Text(a)).ToArray())),
        "concat" => JsonValue.Create(string.Concat(args.Select(Text))),
        "reference" => DeployedValues.Of(Text(args[0])),
        "parameters" => parameters.TryGetValue(Text(args[0]), out var p) ? p?.DeepClone() : throw new KeyNotFoundException($"parameter {Text(args[0])}"),
        "not" => JsonValue.Create(!args[0]!.GetValue<bool>()),
        "empty" => JsonValue.Create(args[0] is null || (args[0] is JsonValue v && v.TryGetValue<string>(out var s) && s.Length == 0)),
        "guid" => JsonValue.Create(Guid(string.Join('-', args.Select(Text))).ToString()),
        "extensionresourceid" => JsonValue.Create($"{Text(args[0])}/providers/{Text(args[1])}/{string.Join('/', args.Skip(2).Select(Text))}"),
        "environment" => new JsonObject { ["authentication"] = new JsonObject { ["loginEndpoint"] = "https://login.microsoftonline.com/" } },
        _ => throw new NotSupportedException($"ARM function {function} is not evaluated by the tests; add it to ArmExpressions"),
    };

    private static string Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : node?.ToJsonString() ?? string.Empty;

    private static Guid Guid(string seed) => new(MD5.HashData(Encoding.UTF8.GetBytes(seed)));

    /// <summary>Recursive descent over one expression: calls, '...' literals, numbers, <c>.property</c> and <c>[index]</c>.</summary>
    private sealed class Parser(string text, ArmExpressions owner)
    {
        private int position;

        public JsonNode? Parse()
        {
            var value = Expression();
            Skip();
            return position == text.Length ? value : throw Error("trailing text");
        }

        private JsonNode? Expression()
        {
            Skip();
            var value = Primary();
            while (position < text.Length && (text[position] == '.' || text[position] == '['))
            {
                if (text[position++] == '.')
                {
                    var name = Identifier();
                    value = value is JsonObject o ? o[name] : throw Error($"no property {name} on {value?.ToJsonString()}");
                }
                else
                {
                    var index = Expression();
                    Expect(']');
                    value = index is JsonValue v && v.TryGetValue<int>(out var i) ? value![i] : value![index!.GetValue<string>()];
                }
            }

            return value;
        }

        private JsonNode? Primary()
        {
            if (text[position] == '\'')
            {
                return JsonValue.Create(Literal());
            }

            if (char.IsDigit(text[position]))
            {
                var start = position;
                while (position < text.Length && char.IsDigit(text[position]))
                {
                    position++;
                }

                return JsonValue.Create(int.Parse(text[start..position], CultureInfo.InvariantCulture));
            }

            var function = Identifier();
            Expect('(');
            var args = new List<JsonNode?>();
            Skip();
            while (text[position] != ')')
            {
                args.Add(Expression());
                Skip();
                if (text[position] == ',')
                {
                    position++;
                }
            }

            position++;
            return owner.Call(function, args);
        }

        private string Literal()
        {
            var builder = new StringBuilder();
            position++;
            while (true)
            {
                if (text[position] == '\'')
                {
                    if (position + 1 < text.Length && text[position + 1] == '\'')
                    {
                        builder.Append('\'');
                        position += 2;
                        continue;
                    }

                    position++;
                    return builder.ToString();
                }

                builder.Append(text[position++]);
            }
        }

        private string Identifier()
        {
            var start = position;
            while (position < text.Length && (char.IsLetterOrDigit(text[position]) || text[position] == '_'))
            {
                position++;
            }

            return position > start ? text[start..position] : throw Error("identifier expected");
        }

        private void Expect(char c)
        {
            Skip();
            if (position >= text.Length || text[position] != c)
            {
                throw Error($"'{c}' expected");
            }

            position++;
        }

        private void Skip()
        {
            while (position < text.Length && text[position] == ' ')
            {
                position++;
            }
        }

        private FormatException Error(string what) => new($"{what} at {position} in [{text}]");
    }
}
