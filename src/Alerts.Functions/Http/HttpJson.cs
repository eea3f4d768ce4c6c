using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.DependencyInjection;

namespace Alerts.Functions.Http;

/// <summary>How the HTTP responses are written: the web defaults (camelCase) with enums as camelCase names (<c>"status": "fetched"</c>, not a number).</summary>
public static class HttpJson
{
    public static void Configure(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
    }

    public static IServiceCollection AddAlertsHttpJson(this IServiceCollection services) =>
        services.Configure<Microsoft.AspNetCore.Mvc.JsonOptions>(o => Configure(o.JsonSerializerOptions));
}
