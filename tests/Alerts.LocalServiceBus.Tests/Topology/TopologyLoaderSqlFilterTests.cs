using Alerts.LocalServiceBus.Filters;
using Alerts.LocalServiceBus.Topology;

namespace Alerts.LocalServiceBus.Tests.Topology;

/// <summary>Loader cases that need the SQL filter parser (Filters/SqlFilter), kept apart so they can be run on their own.</summary>
[Trait("Needs", "SqlFilter")]
public sealed class TopologyLoaderSqlFilterTests
{
    [Fact]
    public void LoadEmbedded_ProjectTopology_HasBreachesAndNotificationsWithChannelRules()
    {
        var topology = TopologyLoader.LoadEmbedded();

        Assert.Equal(["breaches", "notifications"], topology.Topics.Select(t => t.Name));
        var breaches = topology.Topics[0];
        Assert.Equal(["router"], breaches.Subscriptions.Select(s => s.Name));
        Assert.Empty(breaches.Subscriptions[0].Rules);
        var notifications = topology.Topics[1];
        Assert.Equal(["email", "teams"], notifications.Subscriptions.Select(s => s.Name));
        Assert.Equal(
            ["channel = 'email'", "channel = 'teams'"],
            notifications.Subscriptions.Select(s => Assert.IsType<SqlFilter>(Assert.Single(s.Rules).Filter).Expression));
        Assert.All(topology.Topics, t => Assert.Equal(TimeSpan.FromMinutes(10), t.DuplicateDetectionWindow));
        Assert.All(topology.Topics.SelectMany(t => t.Subscriptions), s =>
        {
            Assert.Equal(TimeSpan.FromMinutes(1), s.LockDuration);
            Assert.Equal(10, s.MaxDeliveryCount);
        });
    }

    [Fact]
    public void Parse_SqlExpressionThatDoesNotParse_ThrowsNamingTheExpressionField()
    {
        var json = """
            {"UserConfig":{"Namespaces":[{"Topics":[{"Name":"t","Subscriptions":[{"Name":"s","Rules":[
              {"Name":"r","Properties":{"FilterType":"Sql","SqlFilter":{"SqlExpression":"channel = = 'email'"}}}]}]}]}]}}
            """;

        var error = Assert.Throws<TopologyException>(() => TopologyLoader.Parse(json, "bad/Config.json"));

        Assert.StartsWith("bad/Config.json: $.UserConfig.Namespaces[0].Topics[0].Subscriptions[0].Rules[0].Properties.SqlFilter.SqlExpression: SQL filter does not parse at position", error.Message, StringComparison.Ordinal);
    }
}
