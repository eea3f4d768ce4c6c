using System.Text.Json;
using System.Text.Json.Serialization;

namespace Alerts.Platform.Storage;

/// <summary>JSON used inside stored columns and blobs: camelCase, enums as camelCase strings.</summary>
public static class StorageJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };
}
