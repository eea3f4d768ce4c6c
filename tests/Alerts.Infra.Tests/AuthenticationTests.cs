using System.Text.Json.Nodes;
using Alerts.Infra.Tests.Template;

namespace Alerts.Infra.Tests;

/// <summary>
/// App Service authentication with Entra ID guards the API: a request without a token for the app registration
/// gets 401, and the registration the hook applies declares the Alerts.Admin app role.
/// </summary>
public sealed class AuthenticationTests
{
    private static JsonNode AuthSettings =>
        Deployments.WithSecrets.Single("Microsoft.Web/sites/config", "/authsettingsV2")["properties"]!;

    private static string ClientId => Deployments.Full()["authClientId"]!.GetValue<string>();

    [Fact]
    public void AuthSettings_UnauthenticatedRequests_Get401()
    {
        var validation = AuthSettings["globalValidation"]!;
        Assert.True((bool)AuthSettings["platform"]!["enabled"]!); // the platform then sets WEBSITE_AUTH_ENABLED=true
        Assert.True((bool)validation["requireAuthentication"]!);
        Assert.Equal("Return401", (string?)validation["unauthenticatedClientAction"]);
        Assert.True((bool)AuthSettings["httpSettings"]!["requireHttps"]!);
    }

    [Fact]
    public void AuthSettings_ExcludedPaths_AreOnlyTheAnonymousHealthRouteSignedChartImagesThePagesAndTheMailLinks()
    {
        // The pages redirect a browser to sign-in themselves (tests/Alerts.Browser.Tests SignInTests); the mails' signed
        // links under /api/links are the recipient's credential (tests/Alerts.Cli.Tests SubscriberLinksTests); the API
        // under /api keeps the platform's 401: nothing else is excluded.
        var excluded = AuthSettings["globalValidation"]!["excludedPaths"]!.AsArray().Select(p => (string)p!).ToList();
        Assert.Equal(["/api/health", "/api/charts/trend.png", "/api/web", "/api/web/*", "/api/links", "/api/links/*"], excluded);
    }

    [Fact]
    public void AuthSettings_EntraProvider_ValidatesTokensOfTheAppRegistrationInTheTenant()
    {
        var entra = AuthSettings["identityProviders"]!["azureActiveDirectory"]!;
        Assert.True((bool)entra["enabled"]!);
        Assert.Equal(ClientId, (string?)entra["registration"]!["clientId"]);
        Assert.Matches("^https://login.microsoftonline.com/[0-9a-f-]{36}/v2.0$", (string?)entra["registration"]!["openIdIssuer"]);
        var audiences = entra["validation"]!["allowedAudiences"]!.AsArray().Select(a => (string)a!).ToList();
        Assert.Contains($"api://{ClientId}", audiences);
        Assert.Null(entra["registration"]!["clientSecretSettingName"]); // bearer tokens only: no client secret to keep
    }

    [Fact]
    public void AppRegistration_Manifest_DeclaresAlertsAdminAndTheAudienceTheSiteAccepts()
    {
        var manifest = JsonNode.Parse(File.ReadAllText(Bicep.PathOf("infra/entra/app-registration.json")))!;
        var role = Assert.Single(manifest["appRoles"]!.AsArray(), r => (string?)r!["value"] == "Alerts.Admin")!;
        Assert.True((bool)role["isEnabled"]!);
        Assert.True(Guid.TryParse((string?)role["id"], out _));
        Assert.Contains("User", role["allowedMemberTypes"]!.AsArray().Select(m => (string?)m));
        Assert.Equal(["api://{clientId}"], manifest["identifierUris"]!.AsArray().Select(u => (string)u!));
        Assert.Equal(2, (int)manifest["api"]!["requestedAccessTokenVersion"]!); // matches the v2.0 issuer above
    }

    [Fact]
    public void AppRegistration_Hook_IsRunBeforeProvisionAndAppliesTheManifest()
    {
        var azureYaml = File.ReadAllText(Bicep.PathOf("azure.yaml"));
        var hook = File.ReadAllText(Bicep.PathOf("infra/hooks/entra-app.sh"));
        Assert.Contains("run: ./infra/hooks/entra-app.sh", azureYaml, StringComparison.Ordinal);
        Assert.Contains("entra/app-registration.json", hook, StringComparison.Ordinal);
        Assert.Contains("azd env set AUTH_CLIENT_ID", hook, StringComparison.Ordinal);
        Assert.Contains("\"${AUTH_CLIENT_ID}\"", File.ReadAllText(Bicep.PathOf("infra/main.parameters.json")), StringComparison.Ordinal);
    }
}
