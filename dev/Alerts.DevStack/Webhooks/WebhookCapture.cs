using System.Text.Json;

namespace Alerts.DevStack.Webhooks;

/// <summary>The <c>.json</c> capture of one webhook request: the body embedded as JSON when it is JSON.</summary>
internal static class WebhookCapture
{
    public static byte[] ToJson(ReceivedWebhook received)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteString("method", received.Method);
            writer.WriteString("path", received.Path);
            writer.WriteString("query", received.Query);
            writer.WriteString("receivedAt", received.ReceivedAt);
            writer.WriteNumber("status", received.Status);
            writer.WriteStartObject("headers");
            foreach (var (name, value) in received.Headers)
            {
                writer.WriteString(name, value);
            }

            writer.WriteEndObject();
            writer.WritePropertyName("body");
            if (TryParse(received.Body) is { } json)
            {
                json.WriteTo(writer);
            }
            else
            {
                writer.WriteStringValue(received.Body);
            }

            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static JsonElement? TryParse(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
