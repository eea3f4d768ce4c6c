using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Alerts.Infra.Tests.Template;

/// <summary>
/// Stand-ins for the runtime properties a deployment reads with <c>reference()</c>, in the shapes Azure
/// returns them (endpoints end with '/', host names have no scheme). Ids are derived from the resource id, so
/// two references to one identity agree and two identities differ.
/// </summary>
public static class DeployedValues
{
    /// <summary>What <c>reference(resourceId)</c> gives for the resource types this template reads.</summary>
    public static JsonObject Of(string resourceId)
    {
        var segments = resourceId.Split('/');
        var name = segments[^1];
        var type = segments[^3] + "/" + segments[^2];
        return type switch
        {
            "Microsoft.ManagedIdentity/userAssignedIdentities" => new JsonObject
            {
                ["principalId"] = IdOf(resourceId, "principal"),
                ["clientId"] = IdOf(resourceId, "client"),
            },
            "Microsoft.Storage/storageAccounts" => new JsonObject
            {
                ["primaryEndpoints"] = new JsonObject
                {
                    ["blob"] = $"https://{name}.blob.core.windows.net/",
                    ["queue"] = $"https://{name}.queue.core.windows.net/",
                    ["table"] = $"https://{name}.table.core.windows.net/",
                },
            },
            "Microsoft.Web/sites" => new JsonObject { ["defaultHostName"] = $"{name}.azurewebsites.net" },
            "Microsoft.Insights/components" => new JsonObject
            {
                ["ConnectionString"] = $"InstrumentationKey={IdOf(resourceId, "ikey")};IngestionEndpoint=https://westeurope-5.in.applicationinsights.azure.com/",
            },
            _ => throw new NotSupportedException($"reference() of {type} has no stand-in in DeployedValues"),
        };
    }

    /// <summary>The principal id a user-assigned identity gets, as <see cref="Of"/> reports it.</summary>
    public static string PrincipalIdOf(string identityId) => IdOf(identityId, "principal");

    private static string IdOf(string resourceId, string what) =>
        new Guid(MD5.HashData(Encoding.UTF8.GetBytes(resourceId.ToLowerInvariant() + "|" + what))).ToString();
}
