using System.Text.Json;
using Azure.Data.Tables;

namespace Alerts.Platform.Storage;

/// <summary>A value stored as JSON in one string column, within the table service's 64 KiB property limit.</summary>
public static class JsonColumn
{
    /// <summary>UTF-16 characters that fit in a 64 KiB string property.</summary>
    public const int MaxChars = 32 * 1024;

    public const string Name = "Json";

    public static string Serialize<T>(T value, string what)
    {
        var json = JsonSerializer.Serialize(value, StorageJson.Options);
        return json.Length <= MaxChars
            ? json
            : throw new ArgumentException($"{what} is {json.Length} characters as JSON; at most {MaxChars} can be stored.");
    }

    public static T Deserialize<T>(TableEntity e)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(EntityFields.String(e, Name), StorageJson.Options)
                ?? throw EntityFields.Bad(e, Name, "is null");
        }
        catch (JsonException ex)
        {
            throw EntityFields.Bad(e, Name, $"is not a valid {typeof(T).Name} at {ex.Path}: {ex.Message}", ex);
        }
    }
}
