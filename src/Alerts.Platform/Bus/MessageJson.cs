using System.Text.Json;
using System.Text.Json.Serialization;

namespace Alerts.Platform.Bus;

/// <summary>
/// JSON of message bodies: camelCase, enums as camelCase strings (<c>"state": "firing"</c>), and strict on
/// read: a missing constructor field or a null where none is allowed fails with the JSON path.
/// </summary>
public static class MessageJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    public static BinaryData Serialize<T>(T value) => BinaryData.FromObjectAsJson(value, Options);

    /// <exception cref="JsonException">Not valid JSON of <typeparamref name="T"/>, or null; names the path.</exception>
    public static T Deserialize<T>(BinaryData body)
    {
        ArgumentNullException.ThrowIfNull(body);
        return JsonSerializer.Deserialize<T>(body.ToMemory().Span, Options)
            ?? throw new JsonException($"The body is JSON null, not a {typeof(T).Name}.", "$", null, null);
    }
}
