using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Alerts.Infra.Tests.Template;

namespace Alerts.Infra.Tests;

/// <summary>No keys anywhere: local auth off on every service, secrets only in Key Vault, read through references.</summary>
public sealed partial class SecretsTests
{
    public static TheoryData<string> Variants => new("with secrets", "without secrets");

    [Fact]
    public void CompiledTemplate_NoListFunctionAnywhere_SoNoKeyIsReadAtDeployment()
    {
        var json = Deployments.WithSecrets.CompiledTemplate.ToJsonString();
        Assert.DoesNotMatch(ListFunction(), json);
        Assert.DoesNotContain("AccountKey=", json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("SharedAccessKey", json, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void AppSettings_SecretLookingSettings_AreKeyVaultReferences(string variant)
    {
        var settings = Of(variant).AppSettings;
        Assert.DoesNotContain(settings.Keys, k => k is "AzureWebJobsStorage" or "ServiceBus__ConnectionString" or "Storage__ConnectionString");
        foreach (var (name, value) in settings)
        {
            Assert.DoesNotMatch(KeyMaterial(), value);
            if (SecretName().IsMatch(name) && name != "APPLICATIONINSIGHTS_CONNECTION_STRING")
            {
                Assert.StartsWith("@Microsoft.KeyVault(VaultName=", value, StringComparison.Ordinal);
            }
        }

        // Not a secret only because the component refuses instrumentation-key writes (checked below).
        Assert.Matches("^InstrumentationKey=[0-9a-f-]+;IngestionEndpoint=https://[^;]+$", settings["APPLICATIONINSIGHTS_CONNECTION_STRING"]);
    }

    [Fact]
    public void KeyVaultReferences_PointAtSecretsTheTemplateWritesToItsVault()
    {
        var deployment = Deployments.WithSecrets;
        var vault = (string)deployment.Single("Microsoft.KeyVault/vaults")["name"]!;
        var references = deployment.AppSettings.Where(s => s.Value.StartsWith("@Microsoft.KeyVault(", StringComparison.Ordinal)).ToList();
        Assert.Equal(["Smtp__Password", "Sources__Comtrade__SubscriptionKey", "Subscriptions__SigningKeys__0"], references.Select(r => r.Key).Order(StringComparer.Ordinal));
        foreach (var (_, value) in references)
        {
            var secret = value.Split("SecretName=")[1].TrimEnd(')');
            Assert.Equal($"@Microsoft.KeyVault(VaultName={vault};SecretName={secret})", value);
            var resource = deployment.Single("Microsoft.KeyVault/vaults/secrets", $"{vault}/{secret}");
            Assert.StartsWith("test-only-", (string)resource["properties"]!["value"]!, StringComparison.Ordinal); // the secure parameter's value
        }
    }

    [Fact]
    public void WithoutSecrets_NoUserNamePasswordOrKeySetting_AndNoSecretWritten()
    {
        var deployment = Deployments.WithoutSecrets;
        Assert.DoesNotContain("Smtp__UserName", deployment.AppSettings.Keys);
        Assert.DoesNotContain("Smtp__Password", deployment.AppSettings.Keys);
        Assert.DoesNotContain("Sources__Comtrade__SubscriptionKey", deployment.AppSettings.Keys);
        // An empty optional parameter keeps a rotated secret; the link-signing key is required, so always written.
        Assert.Equal(["link-signing-key"], deployment.OfType("Microsoft.KeyVault/vaults/secrets").Select(s => ((string)s["name"]!).Split('/')[^1]));
    }

    [Fact]
    public void SecretParameters_AreSecureAndNoOutputCarriesThem()
    {
        var template = Deployments.WithSecrets.CompiledTemplate;
        foreach (var name in new[] { "smtpPassword", "comtradeSubscriptionKey", "linkSigningKey" })
        {
            Assert.Equal("securestring", (string?)template["parameters"]![name]!["type"], ignoreCase: true);
            Assert.DoesNotContain($"parameters('{name}')", template["outputs"]!.ToJsonString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void LocalAuth_ServiceBusStorageAndMonitoring_AreEntraOnly()
    {
        var deployment = Deployments.WithSecrets;
        var storage = deployment.Single("Microsoft.Storage/storageAccounts")["properties"]!;
        Assert.False((bool)storage["allowSharedKeyAccess"]!);
        Assert.False((bool)storage["allowBlobPublicAccess"]!);
        Assert.True((bool)storage["supportsHttpsTrafficOnly"]!);
        Assert.Equal("TLS1_2", (string?)storage["minimumTlsVersion"]);
        Assert.All(deployment.OfType("Microsoft.Storage/storageAccounts/blobServices/containers"), c => Assert.Equal("None", (string?)c["properties"]!["publicAccess"]));

        var bus = deployment.Single("Microsoft.ServiceBus/namespaces");
        Assert.True((bool)bus["properties"]!["disableLocalAuth"]!);
        Assert.Equal("1.2", (string?)bus["properties"]!["minimumTlsVersion"]);
        Assert.Equal("Standard", (string?)bus["sku"]!["name"]);

        Assert.True((bool)deployment.Single("Microsoft.Insights/components")["properties"]!["DisableLocalAuth"]!);
        Assert.True((bool)deployment.Single("Microsoft.OperationalInsights/workspaces")["properties"]!["features"]!["disableLocalAuth"]!);

        var vault = deployment.Single("Microsoft.KeyVault/vaults")["properties"]!;
        Assert.True((bool)vault["enableRbacAuthorization"]!); // access policies off: roles decide
        Assert.True((bool)vault["enableSoftDelete"]!);
    }

    private static Deployment Of(string variant) => variant == "with secrets" ? Deployments.WithSecrets : Deployments.WithoutSecrets;

    [GeneratedRegex(@"\blist[A-Za-z]*\(", RegexOptions.IgnoreCase)]
    private static partial Regex ListFunction();

    [GeneratedRegex("(AccountKey|SharedAccessKey|SharedAccessSignature|sig=|Password=)", RegexOptions.IgnoreCase)]
    private static partial Regex KeyMaterial();

    [GeneratedRegex("(Password|Secret|Key|ConnectionString)$", RegexOptions.IgnoreCase)]
    private static partial Regex SecretName();
}
