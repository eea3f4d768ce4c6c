using System.Text.Json.Nodes;
using Alerts.Infra.Tests.Template;

namespace Alerts.Infra.Tests;

/// <summary>
/// The Service Bus the template creates is the topology file the loopback broker and the emulator read
/// (<c>infra/local/servicebus/Config.json</c>): every entity and every property in the file, nothing else.
/// </summary>
public sealed class ServiceBusTopologyTests
{
    private const string Topics = "Microsoft.ServiceBus/namespaces/topics";
    private const string Subscriptions = Topics + "/subscriptions";
    private const string Rules = Subscriptions + "/rules";

    private static readonly JsonObject Topology = (JsonObject)JsonNode.Parse(File.ReadAllText(Bicep.PathOf("infra/local/servicebus/Config.json")))!;

    private static IEnumerable<JsonObject> FileTopics =>
        Topology["UserConfig"]!["Namespaces"]!.AsArray().SelectMany(n => n!["Topics"]!.AsArray()).Cast<JsonObject>();

    [Fact]
    public void Entities_FromTemplate_AreExactlyThoseOfTheTopologyFile()
    {
        var deployment = Deployments.WithSecrets;
        var expected = FileTopics.SelectMany(t => new[] { "topic " + t["Name"] }
            .Concat(t["Subscriptions"]!.AsArray().SelectMany(s => new[] { $"subscription {t["Name"]}/{s!["Name"]}" }
                .Concat(s["Rules"]!.AsArray().Select(r => $"rule {t["Name"]}/{s["Name"]}/{r!["Name"]}")))));
        var actual = deployment.OfType(Topics).Select(r => "topic " + LocalName(r, 1))
            .Concat(deployment.OfType(Subscriptions).Select(r => "subscription " + LocalName(r, 2)))
            .Concat(deployment.OfType(Rules).Select(r => "rule " + LocalName(r, 3)));

        Assert.Equal(expected.Order(StringComparer.Ordinal), actual.Order(StringComparer.Ordinal));
        Assert.NotEmpty(deployment.OfType(Rules)); // the file has filters; an empty comparison would prove nothing
    }

    [Fact]
    public void TopicProperties_EveryPropertyOfTheFile_IsSetToTheSameValue()
    {
        foreach (var topic in FileTopics)
        {
            var resource = Deployments.WithSecrets.Single(Topics, "/" + topic["Name"]);
            AssertSameProperties(topic["Properties"]!.AsObject(), resource["properties"]!.AsObject(), $"topic {topic["Name"]}");
        }
    }

    [Fact]
    public void SubscriptionProperties_EveryPropertyOfTheFile_IsSetToTheSameValue()
    {
        foreach (var topic in FileTopics)
        {
            foreach (var subscription in topic["Subscriptions"]!.AsArray())
            {
                var resource = Deployments.WithSecrets.Single(Subscriptions, $"/{topic["Name"]}/{subscription!["Name"]}");
                AssertSameProperties(subscription["Properties"]!.AsObject(), resource["properties"]!.AsObject(), $"subscription {topic["Name"]}/{subscription["Name"]}");
            }
        }
    }

    [Fact]
    public void Rules_SqlAndCorrelationFilters_MatchTheFileWithTheirActions()
    {
        var rules = FileTopics.SelectMany(t => t["Subscriptions"]!.AsArray().SelectMany(s => s!["Rules"]!.AsArray()
            .Select(r => (Path: $"/{t["Name"]}/{s["Name"]}/{r!["Name"]}", Rule: r["Properties"]!))));
        foreach (var (path, rule) in rules)
        {
            var properties = Deployments.WithSecrets.Single(Rules, path)["properties"]!;
            var kind = (string)rule["FilterType"]!;
            Assert.Equal(kind + "Filter", (string?)properties["filterType"], ignoreCase: true);
            if (kind == "Sql")
            {
                Assert.Equal((string?)rule["SqlFilter"]!["SqlExpression"], (string?)properties["sqlFilter"]!["sqlExpression"]);
            }
            else
            {
                AssertSameProperties(rule["CorrelationFilter"]!.AsObject(), properties["correlationFilter"]!.AsObject(), path);
            }

            var action = (string?)rule["Action"]?["SqlExpression"];
            Assert.Equal(string.IsNullOrEmpty(action) ? null : action, (string?)properties["action"]?["sqlExpression"]);
        }
    }

    [Fact]
    public void TopologyFile_IsTheOneTheLoopbackBrokerEmbedsAndTheEmulatorMounts()
    {
        var broker = File.ReadAllText(Bicep.PathOf("dev/Alerts.LocalServiceBus/Alerts.LocalServiceBus.csproj"));
        var compose = File.ReadAllText(Bicep.PathOf("infra/local/docker-compose.yml"));
        var bicep = File.ReadAllText(Bicep.PathOf("infra/modules/servicebus.bicep"));

        Assert.Contains("Include=\"../../infra/local/servicebus/Config.json\"", broker, StringComparison.Ordinal);
        Assert.Contains("./servicebus/Config.json:/ServiceBus_Emulator/ConfigFiles/Config.json", compose, StringComparison.Ordinal);
        Assert.Contains("loadJsonContent('../local/servicebus/Config.json')", bicep, StringComparison.Ordinal);
    }

    // "topics/subscriptions/rules" names are "<namespace>/<topic>/<subscription>/<rule>": keep the last `depth` parts.
    private static string LocalName(JsonObject resource, int depth) => string.Join('/', ((string)resource["name"]!).Split('/')[^depth..]);

    // The file's property names in camel case are the ARM names; an empty string there means "not set".
    private static void AssertSameProperties(JsonObject file, JsonObject arm, string where)
    {
        foreach (var (name, value) in file)
        {
            var armName = char.ToLowerInvariant(name[0]) + name[1..];
            var expected = value is JsonValue v && v.TryGetValue<string>(out var s) && s.Length == 0 ? null : value;
            Assert.True(JsonNode.DeepEquals(expected, arm[armName]), $"{where}: {name} is {value?.ToJsonString()} in Config.json but {armName} is {arm[armName]?.ToJsonString() ?? "unset"} in the template");
        }
    }
}
