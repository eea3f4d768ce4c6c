using System.Text.Json;
using System.Text.Json.Serialization;

namespace Alerts.Pipeline.Messaging;

/// <summary>The JSON shape of message bodies: camelCase, enums as camelCase strings.</summary>
public static class MessageJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };
}
