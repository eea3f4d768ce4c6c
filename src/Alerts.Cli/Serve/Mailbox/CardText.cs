using System.Text.Json;

namespace Alerts.Cli.Serve.Mailbox;

/// <summary>The readable text of an Adaptive Card (TextBlock texts, FactSet facts as "title: value"), in document order.</summary>
internal static class CardText
{
    public static IReadOnlyList<string> Of(JsonElement element)
    {
        var lines = new List<string>();
        Walk(element, lines);
        return lines;
    }

    private static void Walk(JsonElement element, List<string> lines)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var type = element.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
                if (type == "TextBlock" && element.TryGetProperty("text", out var text))
                {
                    lines.Add(text.ToString());
                }
                else if (type == "FactSet" && element.TryGetProperty("facts", out var facts) && facts.ValueKind == JsonValueKind.Array)
                {
                    foreach (var fact in facts.EnumerateArray())
                    {
                        lines.Add($"{Get(fact, "title")}: {Get(fact, "value")}");
                    }
                }
                else if (type == "Action.OpenUrl")
                {
                    lines.Add($"[{Get(element, "title")}] {Get(element, "url")}");
                }

                foreach (var property in element.EnumerateObject())
                {
                    if (property.Name is not ("text" or "facts"))
                    {
                        Walk(property.Value, lines);
                    }
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Walk(item, lines);
                }

                break;
        }
    }

    private static string Get(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? value.ToString() : "";
}
