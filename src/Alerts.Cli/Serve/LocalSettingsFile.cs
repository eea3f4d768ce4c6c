using System.Text.Json;

namespace Alerts.Cli.Serve;

/// <summary>Reads the <c>Values</c> of a <c>local.settings.json</c>-shaped file (the Functions host's local app settings).</summary>
public static class LocalSettingsFile
{
    public static Dictionary<string, string?> Read(string path)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty("Values", out var values) || values.ValueKind != JsonValueKind.Object)
            {
                throw new LocalSettingsFileException($"{path}: expected an object with \"Values\": {{ \"NAME\": \"value\", ... }} (the local.settings.json shape).");
            }

            var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            foreach (var property in values.EnumerateObject())
            {
                settings[property.Name] = property.Value.ValueKind switch
                {
                    JsonValueKind.String => property.Value.GetString(),
                    JsonValueKind.Null => null,
                    JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => property.Value.GetRawText(),
                    _ => throw new LocalSettingsFileException($"{path}: $.Values.{property.Name} must be a string, number or boolean."),
                };
            }

            return settings;
        }
        catch (JsonException e)
        {
            throw new LocalSettingsFileException($"{path}: not valid JSON at line {e.LineNumber + 1}: {e.Message}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new LocalSettingsFileException($"cannot read {path}: {e.Message}");
        }
    }
}

/// <summary>The settings file is missing or not in the <c>local.settings.json</c> shape.</summary>
public sealed class LocalSettingsFileException(string message) : Exception(message);
