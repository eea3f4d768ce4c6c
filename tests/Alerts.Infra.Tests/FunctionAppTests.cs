using Alerts.Infra.Tests.Template;

namespace Alerts.Infra.Tests;

/// <summary>The Functions app: Flex Consumption, .NET isolated 10, https only, TLS 1.2, no FTP, one identity.</summary>
public sealed class FunctionAppTests
{
    private static Deployment Deployment => Deployments.WithSecrets;

    [Fact]
    public void Plan_IsFlexConsumptionOnLinux()
    {
        var plan = Deployment.Single("Microsoft.Web/serverfarms");
        Assert.Equal("FC1", (string?)plan["sku"]!["name"]);
        Assert.Equal("FlexConsumption", (string?)plan["sku"]!["tier"]);
        Assert.True((bool)plan["properties"]!["reserved"]!); // reserved = Linux
    }

    [Fact]
    public void Site_Runtime_IsDotnetIsolated10OnTheFlexPlan()
    {
        var site = Deployment.Single("Microsoft.Web/sites");
        var runtime = site["properties"]!["functionAppConfig"]!["runtime"]!;
        Assert.Equal("dotnet-isolated", (string?)runtime["name"]);
        Assert.Equal("10.0", (string?)runtime["version"]);
        Assert.Equal("functionapp,linux", (string?)site["kind"]);
        Assert.Equal((string?)Deployment.Single("Microsoft.Web/serverfarms")["id"], (string?)site["properties"]!["serverFarmId"]);
        // Flex Consumption refuses the runtime as app settings; it is set in functionAppConfig only.
        Assert.DoesNotContain("FUNCTIONS_WORKER_RUNTIME", Deployment.AppSettings.Keys);
        Assert.DoesNotContain("FUNCTIONS_EXTENSION_VERSION", Deployment.AppSettings.Keys);
    }

    [Fact]
    public void Site_Transport_IsHttpsOnlyWithTls12AndNoFtp()
    {
        var site = Deployment.Single("Microsoft.Web/sites");
        var config = site["properties"]!["siteConfig"]!;
        Assert.True((bool)site["properties"]!["httpsOnly"]!);
        Assert.Equal("1.2", (string?)config["minTlsVersion"]);
        Assert.Equal("1.2", (string?)config["scmMinTlsVersion"]);
        Assert.Equal("Disabled", (string?)config["ftpsState"]);
    }

    [Fact]
    public void PublishingCredentials_FtpAndScm_AreNotAllowed()
    {
        foreach (var name in new[] { "ftp", "scm" })
        {
            var policy = Deployment.Single("Microsoft.Web/sites/basicPublishingCredentialsPolicies", "/" + name);
            Assert.False((bool)policy["properties"]!["allow"]!, name);
        }
    }

    [Fact]
    public void Identity_OneUserAssigned_IsUsedForStorageKeyVaultDeploymentAndSdkClients()
    {
        var site = Deployment.Single("Microsoft.Web/sites");
        Assert.Equal("UserAssigned", (string?)site["identity"]!["type"]);
        var identityId = Assert.Single(site["identity"]!["userAssignedIdentities"]!.AsObject()).Key;
        Assert.Equal(identityId, (string?)Deployment.Single("Microsoft.ManagedIdentity/userAssignedIdentities")["id"]);
        var clientId = (string)DeployedValues.Of(identityId)["clientId"]!;

        Assert.Equal(identityId, (string?)site["properties"]!["keyVaultReferenceIdentity"]);
        var deploymentAuth = site["properties"]!["functionAppConfig"]!["deployment"]!["storage"]!["authentication"]!;
        Assert.Equal("UserAssignedIdentity", (string?)deploymentAuth["type"]);
        Assert.Equal(identityId, (string?)deploymentAuth["userAssignedIdentityResourceId"]);
        var settings = Deployment.AppSettings;
        Assert.Equal("managedidentity", settings["AzureWebJobsStorage__credential"]);
        Assert.Equal(clientId, settings["AzureWebJobsStorage__clientId"]);
        Assert.Equal(clientId, settings["Azure__ManagedIdentityClientId"]); // the app's clients use this identity alone
        Assert.Equal(clientId, settings["AZURE_CLIENT_ID"]); // DefaultAzureCredential picks the identity by it
        Assert.Equal($"ClientId={clientId};Authorization=AAD", settings["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"]);
    }

    [Fact]
    public void DeploymentPackage_Container_ExistsInTheTemplatesStorageAccount()
    {
        var site = Deployment.Single("Microsoft.Web/sites");
        var url = new Uri((string)site["properties"]!["functionAppConfig"]!["deployment"]!["storage"]!["value"]!);
        var account = url.Host.Split('.')[0];
        Deployment.Single("Microsoft.Storage/storageAccounts/blobServices/containers", $"{account}/default{url.AbsolutePath}");
    }

    [Fact]
    public void PublicBaseUrl_IsTheSitesHttpsAddress()
    {
        var site = Deployment.Single("Microsoft.Web/sites");
        var host = (string)DeployedValues.Of((string)site["id"]!)["defaultHostName"]!;
        Assert.Equal($"https://{host}", Deployment.AppSettings["PublicBaseUrl"]);
    }
}
