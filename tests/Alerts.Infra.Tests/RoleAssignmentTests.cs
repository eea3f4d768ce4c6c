using Alerts.Infra.Tests.Template;

namespace Alerts.Infra.Tests;

/// <summary>
/// Every data-plane call the app makes in Azure, found from its app settings and the plan's deployment
/// storage, is allowed by a role assignment to the identity the app runs as; nothing beyond that is granted.
/// </summary>
public sealed class RoleAssignmentTests
{
    private static Deployment Deployment => Deployments.WithSecrets;

    private static string AppPrincipalId
    {
        get
        {
            var site = Deployment.Single("Microsoft.Web/sites");
            var identity = Assert.Single(site["identity"]!["userAssignedIdentities"]!.AsObject());
            return DeployedValues.PrincipalIdOf(identity.Key);
        }
    }

    public static TheoryData<string> Accesses => new(DataPlaneAccesses().Select(a => a.What));

    [Theory]
    [MemberData(nameof(Accesses))]
    public void DataPlaneAccess_OfTheApp_HasARoleAssignmentOnThatResource(string what)
    {
        var access = DataPlaneAccesses().Single(a => a.What == what);
        var granted = RoleAssignment.In(Deployment)
            .Any(r => r.PrincipalId == AppPrincipalId && access.Roles.Contains(r.RoleId) && r.Covers(access.ResourceId));
        Assert.True(granted, $"{what}: no role assignment of {string.Join(" or ", access.Roles)} to the app's identity covers {access.ResourceId}");
    }

    [Fact]
    public void RoleAssignments_OfTheApp_AreOnlyThoseItsAccessesNeed()
    {
        var needed = DataPlaneAccesses().ToList();
        var group = Deployment.Single("Microsoft.Resources/resourceGroups")["id"]!.GetValue<string>();
        foreach (var assignment in RoleAssignment.In(Deployment).Where(r => r.PrincipalId == AppPrincipalId))
        {
            Assert.NotEqual(group, assignment.Scope, StringComparer.OrdinalIgnoreCase); // never the whole group
            Assert.True(needed.Any(a => a.Roles.Contains(assignment.RoleId) && assignment.Covers(a.ResourceId)),
                $"role {assignment.RoleId} on {assignment.Scope} is granted to the app but no access of the app needs it");
        }
    }

    [Fact]
    public void SecretsOfficer_IsGivenOnlyToTheOperatorAndOnlyOnTheVault()
    {
        var vault = Deployment.Single("Microsoft.KeyVault/vaults")["id"]!.GetValue<string>();
        var officer = Assert.Single(RoleAssignment.In(Deployment), r => r.RoleId == RoleIds.KeyVaultSecretsOfficer);
        Assert.Equal(Deployments.Full()["principalId"]!.GetValue<string>(), officer.PrincipalId);
        Assert.Equal(vault, officer.Scope, StringComparer.OrdinalIgnoreCase);
        Assert.DoesNotContain(RoleAssignment.In(Deployments.WithoutSecrets), r => r.RoleId == RoleIds.KeyVaultSecretsOfficer);
    }

    // (what, resource id the call goes to, roles any of which allow it), read from what the app is configured with.
    private static IEnumerable<(string What, string ResourceId, string[] Roles)> DataPlaneAccesses()
    {
        var settings = Deployment.AppSettings;
        string Account(string name) => IdOf("Microsoft.Storage/storageAccounts", name);
        string AccountOfUri(string uri) => Account(new Uri(uri).Host.Split('.')[0]);
        string[] blobWrite = [RoleIds.StorageBlobDataOwner, RoleIds.StorageBlobDataContributor];

        var hostAccount = Account(settings["AzureWebJobsStorage__accountName"]);
        yield return ("host storage blobs (timer leases)", hostAccount, [RoleIds.StorageBlobDataOwner]);
        yield return ("host storage queues", hostAccount, [RoleIds.StorageQueueDataContributor]);

        var package = (string)Deployment.Single("Microsoft.Web/sites")["properties"]!["functionAppConfig"]!["deployment"]!["storage"]!["value"]!;
        yield return ("deployment package container", AccountOfUri(package), blobWrite);
        yield return ("app tables (Storage__TableServiceUri)", AccountOfUri(settings["Storage__TableServiceUri"]), [RoleIds.StorageTableDataContributor]);
        yield return ("app blobs (Storage__BlobServiceUri)", AccountOfUri(settings["Storage__BlobServiceUri"]), blobWrite);

        var ns = IdOf("Microsoft.ServiceBus/namespaces", settings["ServiceBus__FullyQualifiedNamespace"].Split('.')[0]);
        foreach (var topic in Deployment.OfType("Microsoft.ServiceBus/namespaces/topics"))
        {
            var id = (string)topic["id"]!;
            Assert.StartsWith(ns + "/", id, StringComparison.OrdinalIgnoreCase);
            yield return ($"send to topic {topic["name"]}", id, [RoleIds.ServiceBusDataSender]);
        }

        foreach (var subscription in Deployment.OfType("Microsoft.ServiceBus/namespaces/topics/subscriptions"))
        {
            yield return ($"receive from subscription {subscription["name"]}", (string)subscription["id"]!, [RoleIds.ServiceBusDataReceiver]);
        }

        foreach (var (name, value) in settings.Where(s => s.Value.StartsWith("@Microsoft.KeyVault(", StringComparison.Ordinal)))
        {
            var vault = value.Split("VaultName=")[1].Split(';')[0];
            yield return ($"Key Vault reference {name}", IdOf("Microsoft.KeyVault/vaults", vault), [RoleIds.KeyVaultSecretsUser]);
        }

        if (settings.TryGetValue("APPLICATIONINSIGHTS_AUTHENTICATION_STRING", out var aiAuth) && aiAuth.Contains("Authorization=AAD", StringComparison.Ordinal))
        {
            yield return ("telemetry to Application Insights", (string)Deployment.Single("Microsoft.Insights/components")["id"]!, [RoleIds.MonitoringMetricsPublisher]);
        }
    }

    private static string IdOf(string type, string name) =>
        (string)Assert.Single(Deployment.OfType(type), r => string.Equals((string?)r["name"], name, StringComparison.OrdinalIgnoreCase))["id"]!;
}
