using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Alerts.Infra.Tests.Template;

namespace Alerts.Infra.Tests;

/// <summary><c>azure.yaml</c> and <c>main.parameters.json</c> fit the template and the repository.</summary>
public sealed partial class AzdTests
{
    private static readonly string AzureYaml = File.ReadAllText(Bicep.PathOf("azure.yaml"));

    [Fact]
    public void Service_Api_IsTheFunctionsProjectOnTheFunctionHost()
    {
        Assert.Equal("function", Field("host"));
        Assert.Equal("dotnet", Field("language"));
        var project = Path.GetFullPath(Bicep.PathOf(Field("project")));
        var csproj = Assert.Single(Directory.GetFiles(project, "*.csproj"));
        Assert.Contains("Microsoft.Azure.Functions.Worker.Sdk", File.ReadAllText(csproj), StringComparison.Ordinal);
        // azd finds the app to deploy to by this tag.
        Assert.Equal("api", (string?)Deployments.WithSecrets.Single("Microsoft.Web/sites")["tags"]!["azd-service-name"]);
        Assert.Matches(@"(?m)^services:\s*\n\s+api:", AzureYaml);
    }

    [Fact]
    public void ParametersFile_GivesEveryRequiredParameterAndNoUnknownOne()
    {
        var template = Deployments.WithSecrets.CompiledTemplate["parameters"]!.AsObject();
        var given = JsonNode.Parse(File.ReadAllText(Bicep.PathOf("infra/main.parameters.json")))!["parameters"]!.AsObject();
        Assert.All(given, p => Assert.True(template.ContainsKey(p.Key), $"{p.Key} is not a parameter of main.bicep"));
        Assert.All(template.Where(p => p.Value!["defaultValue"] is null), p => Assert.True(given.ContainsKey(p.Key), $"{p.Key} is required but not in main.parameters.json"));
        // Values come from the azd environment, never written into the file.
        Assert.All(given, p => Assert.Matches(EnvironmentReference(), (string)p.Value!["value"]!));
    }

    [Fact]
    public void Outputs_NameTheApiAndWhatAzdNeeds()
    {
        var outputs = Deployments.WithSecrets.CompiledTemplate["outputs"]!.AsObject();
        foreach (var name in new[] { "API_BASE_URL", "AZURE_LOCATION", "AZURE_TENANT_ID", "AZURE_RESOURCE_GROUP", "AZURE_FUNCTION_APP_NAME" })
        {
            Assert.True(outputs.ContainsKey(name), name);
        }
    }

    [Fact]
    public void Workflow_RunsCiEverywhereAndDeploysOnlyFromMainWithFederatedCredentials()
    {
        var workflow = File.ReadAllText(Bicep.PathOf(".github/workflows/ci.yml"));
        Assert.Contains("run: bash .ci/run", workflow, StringComparison.Ordinal);
        Assert.Contains("if: github.event_name == 'push' && github.ref == 'refs/heads/main'", workflow, StringComparison.Ordinal);
        Assert.Contains("id-token: write", workflow, StringComparison.Ordinal);
        Assert.Contains("--federated-credential-provider github", workflow, StringComparison.Ordinal);
        Assert.Matches(@"azd provision --no-prompt[\s\S]*azd deploy api --no-prompt", workflow);
        Assert.DoesNotContain("client-secret", workflow, StringComparison.OrdinalIgnoreCase); // federation only
    }

    private static string Field(string name) => Regex.Match(AzureYaml, $@"(?m)^\s+{name}:\s*(\S+)\s*$").Groups[1].Value;

    [GeneratedRegex(@"^\$\{[A-Z_]+(=[^}]*)?\}$")]
    private static partial Regex EnvironmentReference();
}
