using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.DependencyInjection;

namespace Alerts.Functions.Http;

/// <summary>How the HTTP responses are written: the web defaults (camelCase) with enums as camelCase names (<c>"status": "fetched"</c>, not a number) and the index set's fields in index rows.</summary>
public static class HttpJson
{
    public static void Configure(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        options.TypeInfoResolver = (options.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver()).WithAddedModifier(Compute.IndexJson.Modify); // the index set's fields
    }

    public static IServiceCollection AddAlertsHttpJson(this IServiceCollection services) =>
        services.Configure<Microsoft.AspNetCore.Mvc.JsonOptions>(o => Configure(o.JsonSerializerOptions));
}
