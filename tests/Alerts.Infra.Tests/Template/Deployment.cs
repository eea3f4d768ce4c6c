using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Alerts.Infra.Tests.Template;

/// <summary>
/// <c>infra/main.bicep</c> compiled by <c>bicep build</c> to ARM JSON, then expanded by <c>bicep snapshot</c>
/// for one set of parameters: every resource the deployment would create, loops and modules unrolled,
/// with expressions evaluated (<see cref="ArmExpressions"/>) and resources whose condition is false left out.
/// </summary>
public sealed class Deployment
{
    private const string SubscriptionId = "00000000-0000-0000-0000-00000000c0de";
    private const string TenantId = "00000000-0000-0000-0000-0000000000aa";

    private Deployment(JsonObject compiledTemplate, IReadOnlyList<JsonObject> resources, ArmExpressions expressions)
    {
        CompiledTemplate = compiledTemplate;
        Resources = resources;
        Expressions = expressions;
    }

    /// <summary>The ARM JSON <c>bicep build</c> produced (modules nested as deployments, loops as copy).</summary>
    public JsonObject CompiledTemplate { get; }

    /// <summary>Every resource the deployment creates, evaluated.</summary>
    public IReadOnlyList<JsonObject> Resources { get; }

    public ArmExpressions Expressions { get; }

    /// <summary>Compiles the template and snapshots it with these parameter values.</summary>
    public static Deployment Of(IReadOnlyDictionary<string, JsonNode?> parameters)
    {
        var directory = Directory.CreateTempSubdirectory("alerts-infra-");
        try
        {
            var template = Path.Combine(directory.FullName, "main.json");
            var build = Bicep.Run("build", Bicep.PathOf("infra/main.bicep"), "--outfile", template);
            if (build.ExitCode != 0)
            {
                throw new InvalidOperationException("bicep build failed: " + build);
            }

            var parameterFile = Path.Combine(directory.FullName, "test.bicepparam");
            File.WriteAllText(parameterFile, BicepParam(parameters));
            var snapshot = Bicep.Run("snapshot", parameterFile, "--mode", "overwrite", "--subscription-id", SubscriptionId,
                "--tenant-id", TenantId, "--location", "westeurope");
            if (snapshot.ExitCode != 0)
            {
                throw new InvalidOperationException("bicep snapshot failed: " + snapshot);
            }

            var predicted = JsonNode.Parse(File.ReadAllText(Path.Combine(directory.FullName, "test.snapshot.json")))!;
            var compiled = (JsonObject)JsonNode.Parse(File.ReadAllText(template))!;
            var expressions = new ArmExpressions(WithDefaults(compiled, parameters));
            var resources = predicted["predictedResources"]!.AsArray()
                .Select(r => (JsonObject)expressions.Evaluate(r)!)
                .Where(r => r["condition"] is null || r["condition"]!.GetValue<bool>())
                .ToList();
            return new Deployment(compiled, resources, expressions);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    /// <summary>The resources of one type (e.g. <c>Microsoft.Web/sites</c>).</summary>
    public IReadOnlyList<JsonObject> OfType(string type) =>
        Resources.Where(r => string.Equals((string?)r["type"], type, StringComparison.OrdinalIgnoreCase)).ToList();

    /// <summary>The one resource of a type (and, if given, whose name ends with <paramref name="nameSuffix"/>).</summary>
    public JsonObject Single(string type, string? nameSuffix = null) =>
        Assert.Single(OfType(type), r => nameSuffix is null || ((string)r["name"]!).EndsWith(nameSuffix, StringComparison.Ordinal));

    /// <summary>The Functions app's app settings, evaluated.</summary>
    public IReadOnlyDictionary<string, string> AppSettings =>
        Single("Microsoft.Web/sites/config", "/appsettings")["properties"]!.AsObject()
            .ToDictionary(p => p.Key, p => (string)p.Value!, StringComparer.Ordinal);

    // A module passes main's parameters on under the same names, so conditions inside modules read these.
    private static Dictionary<string, JsonNode?> WithDefaults(JsonObject compiled, IReadOnlyDictionary<string, JsonNode?> given)
    {
        var values = compiled["parameters"]!.AsObject()
            .Where(p => p.Value!["defaultValue"] is not null)
            .ToDictionary(p => p.Key, JsonNode? (p) => p.Value!["defaultValue"]!.DeepClone());
        foreach (var (name, value) in given)
        {
            values[name] = value?.DeepClone();
        }

        return values;
    }

    private static string BicepParam(IReadOnlyDictionary<string, JsonNode?> parameters)
    {
        var text = new StringBuilder("using './main.json'\n\n");
        foreach (var (name, value) in parameters)
        {
            var literal = value!.GetValueKind() switch
            {
                System.Text.Json.JsonValueKind.String => "'" + value.GetValue<string>().Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "'",
                System.Text.Json.JsonValueKind.True => "true",
                System.Text.Json.JsonValueKind.False => "false",
                _ => value.ToJsonString(),
            };
            text.Append(CultureInfo.InvariantCulture, $"param {name} = {literal}\n");
        }

        return text.ToString();
    }
}
