using Alerts.Route.NotificationLog;
using Alerts.Route.Notifications;
using Alerts.Route.Routing;
using Alerts.Route.Silences;
using Alerts.Route.Subscriptions;
using Alerts.Route.Tests.Silences;
using Alerts.Route.Tests.Subscriptions;
using Alerts.TestKit.Events;

namespace Alerts.Route.Tests.Routing;

public sealed class GroupKeysTests
{
    [Theory]
    // by commodity
    [InlineData(GroupBy.Commodity, "commodity:85051110")]
    // by reporter
    [InlineData(GroupBy.Reporter, "reporter:EU27_2020")]
    // by rule
    [InlineData(GroupBy.Rule, "rule:crma-65")]
    // no grouping: one group per alert
    [InlineData(GroupBy.None, "alert:fp-magnets")]
    // one digest
    [InlineData(GroupBy.All, "all")]
    public void For_EachGrouping_GivesItsKey(GroupBy groupBy, string expected)
    {
        Assert.Equal(expected, GroupKeys.For(groupBy, TestEvents.Event()));
    }

    [Theory]
    // every documented name parses
    [InlineData("commodity", true)]
    [InlineData("NONE", true)]
    [InlineData("all", true)]
    // unknown
    [InlineData("country", false)]
    public void TryParse_Names_AsExpected(string text, bool expected)
    {
        Assert.Equal(expected, GroupKeys.TryParse(text, out _));
    }
}
