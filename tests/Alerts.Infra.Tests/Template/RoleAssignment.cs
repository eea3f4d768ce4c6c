using System.Text.Json.Nodes;

namespace Alerts.Infra.Tests.Template;

/// <summary>One evaluated role assignment: who, which role, on what.</summary>
public sealed record RoleAssignment(string PrincipalId, string RoleId, string Scope)
{
    private const string Marker = "/providers/Microsoft.Authorization/roleAssignments/";

    /// <summary>Every role assignment of the deployment.</summary>
    public static IReadOnlyList<RoleAssignment> In(Deployment deployment) =>
        deployment.OfType("Microsoft.Authorization/roleAssignments").Select(From).ToList();

    /// <summary>Whether this assignment grants on <paramref name="resourceId"/> (on it, or on a resource that contains it).</summary>
    public bool Covers(string resourceId) =>
        resourceId.Equals(Scope, StringComparison.OrdinalIgnoreCase) || resourceId.StartsWith(Scope + "/", StringComparison.OrdinalIgnoreCase);

    private static RoleAssignment From(JsonObject resource)
    {
        var id = (string)resource["id"]!;
        var properties = resource["properties"]!;
        return new RoleAssignment(
            (string)properties["principalId"]!,
            ((string)properties["roleDefinitionId"]!).Split('/')[^1],
            id[..id.IndexOf(Marker, StringComparison.OrdinalIgnoreCase)]);
    }
}
