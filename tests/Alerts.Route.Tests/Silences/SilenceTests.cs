using Alerts.Compute.Engine;
using Alerts.Route.Notifications;
using Alerts.Route.Routing;
using Alerts.Route.Silences;
using Alerts.Route.Subscriptions;
using Alerts.TestKit.Events;

namespace Alerts.Route.Tests.Silences;

public sealed class SilenceTests
{
    private static readonly DateTimeOffset Start = TestEvents.T0.AddHours(-1);
    private static readonly DateTimeOffset End = TestEvents.T0.AddHours(1);
    private static readonly Subscription Alice = new(
        "sub-1", "aad|alice", Channels.Email, "alice@example.eu", SubscriptionFilter.Everything, GroupBy.Commodity, TimeSpan.FromHours(24), TestEvents.T0);

    [Theory]
    // product code, equality
    [InlineData("product", "85051110", false, true)]
    // a heading matches the product codes under it
    [InlineData("product", "8505", false, true)]
    // another product
    [InlineData("product", "280530", false, false)]
    // a regular expression must match the whole value: a prefix alone does not
    [InlineData("product", "8505", true, false)]
    [InlineData("product", "8505.*", true, true)]
    // reporter, case-insensitive
    [InlineData("reporter", "eu27_2020", false, true)]
    [InlineData("reporter", "eu.*", true, true)]
    [InlineData("reporter", "DE", false, false)]
    // rule
    [InlineData("rule", "crma-65", false, true)]
    [InlineData("rule", "hhi-.*", true, false)]
    // severity and window
    [InlineData("severity", "critical", false, true)]
    [InlineData("severity", "warning|critical", true, true)]
    [InlineData("window", "published", false, true)]
    [InlineData("window", "rolling12", false, false)]
    // commodity: a product event stands in for its commodity ids; the product code is not a commodity id
    [InlineData("commodity", "rare-earths", false, true)]
    [InlineData("commodity", "rare-.*", true, true)]
    [InlineData("commodity", "graphite", false, false)]
    public void Matches_EachName_AsExpected(string name, string value, bool isRegex, bool expected)
    {
        var matcher = new SilenceMatcher(name, value, isRegex);

        Assert.Equal(expected, matcher.Matches(TestEvents.Event() with { CommodityIds = ["rare-earths"] }));
        Assert.Equal(!expected, (matcher with { IsEqual = false }).Matches(TestEvents.Event() with { CommodityIds = ["rare-earths"] }));
    }

    [Theory]
    // a commodity id matches its series at every stage
    [InlineData("graphite", false, true)]
    [InlineData("graph.*", true, true)]
    [InlineData("rare-earths", false, false)]
    public void Matches_CommoditySeries_ByItsCommodityId(string value, bool isRegex, bool expected)
    {
        var e = TestEvents.Event(commodity: "graphite/ore");

        Assert.Equal(expected, new SilenceMatcher("commodity", value, isRegex).Matches(e));
    }

    [Theory]
    // active window: the start is inclusive
    [InlineData(-60, true)]
    [InlineData(0, true)]
    // the end is exclusive
    [InlineData(60, false)]
    // before it starts
    [InlineData(-61, false)]
    public void Mutes_Window_StartInclusiveEndExclusive(int minutesFromNow, bool expected)
    {
        var silence = new Silence("s-1", [new SilenceMatcher("product", "85051110")], Start, End);

        Assert.Equal(expected, silence.Mutes(TestEvents.Event(), Alice, TestEvents.T0.AddMinutes(minutesFromNow)));
    }

    [Fact]
    public void Mutes_AllMatchersMustMatch()
    {
        var both = new Silence("s-1", [new SilenceMatcher("product", "85051110"), new SilenceMatcher("reporter", "DE")], Start, End);

        Assert.False(both.Mutes(TestEvents.Event(), Alice, TestEvents.T0));
        Assert.True((both with { Matchers = [both.Matchers[0], new SilenceMatcher("reporter", "EU27_2020")] }).Mutes(TestEvents.Event(), Alice, TestEvents.T0));
    }

    [Fact]
    public void Mutes_NoMatcher_MutesNothing()
    {
        Assert.False(new Silence("s-1", [], Start, End).Mutes(TestEvents.Event(), Alice, TestEvents.T0));
    }

    [Theory]
    // an owner's silence mutes only that owner's subscriptions
    [InlineData(SilenceScope.Owner, "aad|alice", null, true)]
    [InlineData(SilenceScope.Owner, "aad|bob", null, false)]
    // a global one mutes everyone's
    [InlineData(SilenceScope.Global, "aad|bob", null, true)]
    [InlineData(SilenceScope.Global, null, null, true)]
    // limited to one subscription (configuration silences)
    [InlineData(SilenceScope.Global, null, "sub-1", true)]
    [InlineData(SilenceScope.Global, null, "sub-2", false)]
    public void Mutes_Scope_AsExpected(SilenceScope scope, string? owner, string? subscriptionId, bool expected)
    {
        var silence = new Silence("s-1", [new SilenceMatcher("rule", "crma-65")], Start, End, scope, owner, subscriptionId);

        Assert.Equal(expected, silence.Mutes(TestEvents.Event(), Alice, TestEvents.T0));
    }

    [Theory]
    [InlineData(-61, SilenceStatuses.Pending)]
    [InlineData(-60, SilenceStatuses.Active)]
    [InlineData(60, SilenceStatuses.Expired)]
    public void StatusAt_AsExpected(int minutesFromNow, string expected)
    {
        var silence = new Silence("s-1", [new SilenceMatcher("rule", "crma-65")], Start, End);

        Assert.Equal(expected, silence.StatusAt(TestEvents.T0.AddMinutes(minutesFromNow)));
    }

    [Fact]
    public void Matches_WindowOfAnEvent_UsesItsName()
    {
        var e = TestEvents.Event(window: IndexSelection.Rolling12);

        Assert.True(new SilenceMatcher("window", "rolling12").Matches(e));
        Assert.False(new SilenceMatcher("window", "published").Matches(e));
    }

    [Fact]
    public void Equals_ComparesByValueEvenAfterCompiling()
    {
        var a = new SilenceMatcher("rule", "crma-.*", IsRegex: true);
        _ = a.Matches(TestEvents.Event());

        Assert.Equal(new SilenceMatcher("rule", "crma-.*", IsRegex: true), a);
    }
}
