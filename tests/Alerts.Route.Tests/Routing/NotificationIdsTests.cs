using Alerts.Route.NotificationLog;
using Alerts.Route.Notifications;
using Alerts.Route.Routing;
using Alerts.Route.Silences;
using Alerts.Route.Subscriptions;
using Alerts.Route.Tests.Silences;
using Alerts.Route.Tests.Subscriptions;

namespace Alerts.Route.Tests.Routing;

public sealed class NotificationIdsTests
{
    [Fact]
    public void For_SameEventsInAnyOrder_SameId()
    {
        var a = NotificationIds.For("sub-1", ["e2", "e1", "e3"]);
        var b = NotificationIds.For("sub-1", ["e3", "e1", "e2", "e1"]);

        Assert.Equal(a, b);
        Assert.Equal(NotificationIds.Length, a.Length);
        Assert.Matches("^[0-9a-f]{32}$", a);
    }

    [Theory]
    // another subscription
    [InlineData("sub-2", "e1,e2")]
    // another event set
    [InlineData("sub-1", "e1,e3")]
    // joining must not be ambiguous
    [InlineData("sub-1\ne1", "e2")]
    public void For_DifferentInput_DifferentId(string subscriptionId, string events)
    {
        Assert.NotEqual(NotificationIds.For("sub-1", ["e1", "e2"]), NotificationIds.For(subscriptionId, events.Split(',')));
    }
}
