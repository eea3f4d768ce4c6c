using Alerts.Route.NotificationLog;
using Alerts.Route.Notifications;
using Alerts.Route.Routing;
using Alerts.Route.Silences;
using Alerts.Route.Subscriptions;
using Alerts.Route.Tests.Routing;
using Alerts.Route.Tests.Subscriptions;
using Alerts.TestKit.Events;

namespace Alerts.Route.Tests.Silences;

public sealed class SilenceTests
{
    private static readonly DateTimeOffset Start = TestEvents.T0.AddHours(-1);
    private static readonly DateTimeOffset End = TestEvents.T0.AddHours(1);

    [Theory]
    // commodity matcher, active window
    [InlineData("85051110", null, null, null, 0, true)]
    // heading matches the product under it
    [InlineData("8505", null, null, null, 0, true)]
    // other commodity
    [InlineData("280530", null, null, null, 0, false)]
    // reporter matcher
    [InlineData(null, "eu27_2020", null, null, 0, true)]
    // rule matcher, other rule
    [InlineData(null, null, "hhi-2500", null, 0, false)]
    // all matchers must match
    [InlineData("85051110", "DE", null, null, 0, false)]
    // no matcher at all is invalid and mutes nothing
    [InlineData(null, null, null, null, 0, false)]
    // scoped to this subscription
    [InlineData("85051110", null, null, "sub-1", 0, true)]
    // scoped to another subscription
    [InlineData("85051110", null, null, "sub-2", 0, false)]
    // at StartsAt: active (inclusive)
    [InlineData("85051110", null, null, null, -60, true)]
    // at EndsAt: expired (exclusive)
    [InlineData("85051110", null, null, null, 60, false)]
    // before it starts
    [InlineData("85051110", null, null, null, -61, false)]
    public void Mutes_MatchersAndWindow_AsExpected(string? commodity, string? reporter, string? rule, string? subscriptionId, int minutesFromNow, bool expected)
    {
        var silence = new Silence("s-1", commodity, reporter, rule, Start, End, subscriptionId);

        Assert.Equal(expected, silence.Mutes(TestEvents.Event(), "sub-1", TestEvents.T0.AddMinutes(minutesFromNow)));
    }
    [Theory]
    // the product stands in for the silenced commodity
    [InlineData("rare-earths", true)]
    // another commodity
    [InlineData("graphite", false)]
    public void Mutes_CommodityIdOfAProductEvent_AsExpected(string commodity, bool expected)
    {
        var silence = new Silence("s-1", commodity, null, null, Start, End);

        Assert.Equal(expected, silence.Mutes(TestEvents.Event() with { CommodityIds = ["rare-earths"] }, "sub-1", TestEvents.T0));
    }
}
