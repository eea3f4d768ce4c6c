using Alerts.LocalServiceBus.Topology;

namespace Alerts.LocalServiceBus.Tests.Topology;

public sealed class TopologyLoaderTests
{
    private const string Source = "test/Config.json";

    [Fact]
    public void LoadFile_UnfilteredTopology_ReadsTopicsSubscriptionsAndDurations()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Topologies/unfiltered.json");

        var topology = TopologyLoader.LoadFile(path);

        var topic = Assert.Single(topology.Topics);
        Assert.Equal("breaches", topic.Name);
        Assert.Equal(TimeSpan.FromMinutes(10), topic.DuplicateDetectionWindow);
        Assert.Equal(["router", "audit"], topic.Subscriptions.Select(s => s.Name));
        Assert.Equal([TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(30)], topic.Subscriptions.Select(s => s.LockDuration));
        Assert.Equal([10, 3], topic.Subscriptions.Select(s => s.MaxDeliveryCount));
        Assert.All(topic.Subscriptions, s => Assert.Empty(s.Rules));
    }

    [Fact]
    public void Parse_NoDuplicateDetectionAndNoProperties_UsesDefaults()
    {
        var topology = TopologyLoader.Parse("""{"UserConfig":{"Namespaces":[{"Topics":[{"Name":"t","Subscriptions":[{"Name":"s"}]}]}]}}""", Source);

        var topic = Assert.Single(topology.Topics);
        Assert.Null(topic.DuplicateDetectionWindow);
        var subscription = Assert.Single(topic.Subscriptions);
        Assert.Equal(TimeSpan.FromMinutes(1), subscription.LockDuration);
        Assert.Equal(10, subscription.MaxDeliveryCount);
    }

    [Fact]
    public void Parse_CorrelationRule_BuildsACorrelationFilter()
    {
        var topology = TopologyLoader.Parse("""
            {"UserConfig":{"Namespaces":[{"Topics":[{"Name":"t","Subscriptions":[{"Name":"s","Rules":[
              {"Name":"r","Properties":{"FilterType":"Correlation","CorrelationFilter":{"Label":"breach","Properties":{"channel":"email"}}}}]}]}]}]}}
            """, Source);

        var rule = Assert.Single(Assert.Single(Assert.Single(topology.Topics).Subscriptions).Rules);
        var filter = Assert.IsType<Alerts.LocalServiceBus.Filters.CorrelationFilter>(rule.Filter);
        Assert.Equal("breach", filter.SystemProperties["Label"]);
        Assert.Equal("email", filter.ApplicationProperties["channel"]);
    }

    [Theory]
    // not JSON at all
    [InlineData("{ not json", "not valid JSON")]
    // the root is not an object
    [InlineData("[]", "$: expected an object")]
    // the top-level section is missing
    [InlineData("{}", "$.UserConfig: required field is missing")]
    // namespaces is not an array
    [InlineData("""{"UserConfig":{"Namespaces":{}}}""", "$.UserConfig.Namespaces: expected an array")]
    // a topic without a name
    [InlineData("""{"UserConfig":{"Namespaces":[{"Topics":[{}]}]}}""", "$.UserConfig.Namespaces[0].Topics[0].Name: required field is missing")]
    // a name that is not a string
    [InlineData("""{"UserConfig":{"Namespaces":[{"Topics":[{"Name":5}]}]}}""", "$.UserConfig.Namespaces[0].Topics[0].Name: expected a string")]
    // a duration that is not ISO-8601
    [InlineData("""{"UserConfig":{"Namespaces":[{"Topics":[{"Name":"t","Properties":{"RequiresDuplicateDetection":true,"DuplicateDetectionHistoryTimeWindow":"10 minutes"}}]}]}}""", "$.UserConfig.Namespaces[0].Topics[0].Properties.DuplicateDetectionHistoryTimeWindow: '10 minutes' is not an ISO-8601 duration")]
    // a max delivery count that is not positive
    [InlineData("""{"UserConfig":{"Namespaces":[{"Topics":[{"Name":"t","Subscriptions":[{"Name":"s","Properties":{"MaxDeliveryCount":0}}]}]}]}}""", "$.UserConfig.Namespaces[0].Topics[0].Subscriptions[0].Properties.MaxDeliveryCount: expected a positive whole number")]
    // two subscriptions with one name
    [InlineData("""{"UserConfig":{"Namespaces":[{"Topics":[{"Name":"t","Subscriptions":[{"Name":"s"},{"Name":"S"}]}]}]}}""", "$.UserConfig.Namespaces[0].Topics[0].Subscriptions[1].Name: subscription 'S' is declared more than once")]
    // an unknown filter type
    [InlineData("""{"UserConfig":{"Namespaces":[{"Topics":[{"Name":"t","Subscriptions":[{"Name":"s","Rules":[{"Name":"r","Properties":{"FilterType":"Regex"}}]}]}]}]}}""", "$.UserConfig.Namespaces[0].Topics[0].Subscriptions[0].Rules[0].Properties.FilterType: 'Regex' is not a filter type")]
    // a correlation filter on a property that does not exist
    [InlineData("""{"UserConfig":{"Namespaces":[{"Topics":[{"Name":"t","Subscriptions":[{"Name":"s","Rules":[{"Name":"r","Properties":{"FilterType":"Correlation","CorrelationFilter":{"Colour":"red"}}}]}]}]}]}}""", "$.UserConfig.Namespaces[0].Topics[0].Subscriptions[0].Rules[0].Properties.CorrelationFilter.Colour: 'Colour' is not a correlation filter property")]
    // queues, which the loopback broker does not have
    [InlineData("""{"UserConfig":{"Namespaces":[{"Queues":[{"Name":"q"}],"Topics":[]}]}}""", "$.UserConfig.Namespaces[0].Queues: queues are not supported")]
    // sessions, which the loopback broker does not have
    [InlineData("""{"UserConfig":{"Namespaces":[{"Topics":[{"Name":"t","Subscriptions":[{"Name":"s","Properties":{"RequiresSession":true}}]}]}]}}""", "$.UserConfig.Namespaces[0].Topics[0].Subscriptions[0].Properties.RequiresSession: sessions are not supported")]
    public void Parse_MalformedTopology_ThrowsNamingFileAndField(string json, string expected)
    {
        var error = Assert.Throws<TopologyException>(() => TopologyLoader.Parse(json, Source));

        Assert.StartsWith(Source + ": ", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadFile_MissingFile_ThrowsNamingTheFile()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "no-such-topology.json");

        var error = Assert.Throws<TopologyException>(() => TopologyLoader.LoadFile(path));

        Assert.StartsWith(path + ": cannot read", error.Message, StringComparison.Ordinal);
    }
}
