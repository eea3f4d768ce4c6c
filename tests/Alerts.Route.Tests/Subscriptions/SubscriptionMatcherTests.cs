using Alerts.Evaluate.Lifecycle;
using Alerts.Route.NotificationLog;
using Alerts.Route.Notifications;
using Alerts.Route.Routing;
using Alerts.Route.Silences;
using Alerts.Route.Subscriptions;
using Alerts.Route.Tests.Routing;
using Alerts.Route.Tests.Silences;
using Alerts.TestKit.Events;

namespace Alerts.Route.Tests.Subscriptions;

public sealed class SubscriptionMatcherTests
{
    [Theory]
    // empty filter matches everything
    [InlineData("", "", "", "info", "", true)]
    // commodity id, case-insensitive
    [InlineData("85051110", "", "", "info", "", true)]
    // product code written with spaces and dots
    [InlineData("8505 11 10", "", "", "info", "", true)]
    // a heading matches the CN8 code under it
    [InlineData("8505", "", "", "info", "", true)]
    // a longer code does not match a shorter one
    [InlineData("850511101", "", "", "info", "", false)]
    // another commodity
    [InlineData("280530", "", "", "info", "", false)]
    // one of several commodities
    [InlineData("280530,85051110", "", "", "info", "", true)]
    // reporter, case-insensitive
    [InlineData("", "eu27_2020", "", "info", "", true)]
    // other reporter
    [InlineData("", "DE", "", "info", "", false)]
    // rule id
    [InlineData("", "", "crma-65", "info", "", true)]
    // other rule
    [InlineData("", "", "hhi-2500", "info", "", false)]
    // critical passes a critical minimum
    [InlineData("", "", "", "critical", "", true)]
    // state filter: resolved only
    [InlineData("", "", "", "info", "resolved", false)]
    // state filter: firing only
    [InlineData("", "", "", "info", "firing", true)]
    // every dimension must match
    [InlineData("85051110", "EU27_2020", "hhi-2500", "info", "", false)]
    public void Matches_FilterAgainstCriticalFiringMagnetEvent_AsExpected(
        string commodities, string reporters, string rules, string minSeverity, string states, bool expected)
    {
        var filter = new SubscriptionFilter(
            Split(commodities),
            Split(reporters),
            Split(rules),
            SeverityLevels.TryParse(minSeverity, out var s) ? s : Severity.Info,
            [.. Split(states).Select(x => x == "firing" ? AlertState.Firing : AlertState.Resolved)]);

        Assert.Equal(expected, SubscriptionMatcher.Matches(filter, TestEvents.Event()));
    }

    [Theory]
    // info event below a warning minimum
    [InlineData("info", Severity.Warning, false)]
    // warning event at a warning minimum
    [InlineData("warning", Severity.Warning, true)]
    // warning event below critical
    [InlineData("warning", Severity.Critical, false)]
    // unknown severity words rank as critical (fail open)
    [InlineData("severe", Severity.Critical, true)]
    // severity words are case-insensitive
    [InlineData("CRITICAL", Severity.Critical, true)]
    public void Matches_MinSeverity_ComparesByRank(string eventSeverity, Severity min, bool expected)
    {
        var filter = SubscriptionFilter.Everything with { MinSeverity = min };

        Assert.Equal(expected, SubscriptionMatcher.Matches(filter, TestEvents.Event(severity: eventSeverity)));
    }

    [Theory]
    // a commodity id matches its series at every stage
    [InlineData("rare-earths", "rare-earths/downstream", true)]
    // case-insensitive
    [InlineData("Rare-Earths", "rare-earths/metal", true)]
    // one stage named: that series
    [InlineData("rare-earths/metal", "rare-earths/metal", true)]
    // one stage named: not another stage
    [InlineData("rare-earths/metal", "rare-earths/downstream", false)]
    // another commodity
    [InlineData("graphite", "rare-earths/metal", false)]
    // a product code does not match a commodity series, even one that sums it
    [InlineData("850511", "rare-earths/downstream", false)]
    // a commodity id does not match a product code
    [InlineData("rare-earths", "850511", false)]
    public void Matches_CommodityFilterAgainstSeriesEvent_AsExpected(string wanted, string commodity, bool expected)
    {
        var filter = SubscriptionFilter.Everything with { Commodities = [wanted] };

        Assert.Equal(expected, SubscriptionMatcher.Matches(filter, TestEvents.Event(commodity: commodity)));
    }

    [Theory]
    // the event's product belongs to the commodity (its codes include 850511)
    [InlineData("rare-earths", "rare-earths", true)]
    // case-insensitive, spaces around ignored
    [InlineData(" Rare-Earths ", "rare-earths", true)]
    // the product belongs to other commodities only
    [InlineData("graphite", "rare-earths,gallium", false)]
    // an event without commodity ids (an uncatalogued product, or one published before they were kept)
    [InlineData("rare-earths", "", false)]
    public void Matches_CommodityIdAgainstProductEventWithCommodityIds_AsExpected(string wanted, string ids, bool expected)
    {
        var filter = SubscriptionFilter.Everything with { Commodities = [wanted] };
        var e = TestEvents.Event(commodity: "850511") with { CommodityIds = ids.Length == 0 ? null : Split(ids) };

        Assert.Equal(expected, SubscriptionMatcher.Matches(filter, e));
    }

    [Theory]
    // an ordinary subscription (every state) does not hear of missing data...
    [InlineData("", "nodata", false)]
    // ...nor of the data coming back
    [InlineData("", "nodata-resolved", false)]
    // firing and resolved named: still not
    [InlineData("firing,resolved", "nodata", false)]
    // an operator's subscription asking for noData hears both ways
    [InlineData("noData", "nodata", true)]
    [InlineData("noData", "nodata-resolved", true)]
    // noData alone: not the rule's own firing events
    [InlineData("noData", "firing", false)]
    // a rule with "noData": "alerting" fires its own alert: every subscriber hears it
    [InlineData("", "nodata-firing", true)]
    // firing and noData: both kinds, but not the rule's resolves
    [InlineData("firing,noData", "resolved", false)]
    public void Matches_NoDataAlerts_OnlyWhereAskedFor(string states, string kind, bool expected)
    {
        var filter = SubscriptionFilter.Everything with
        {
            States = [.. Split(states).Select(x => x switch { "firing" => AlertState.Firing, "noData" => AlertState.NoData, _ => AlertState.Resolved })],
        };
        var e = kind switch
        {
            "nodata" => TestEvents.Event(state: AlertState.NoData) with { NoData = true },
            "nodata-resolved" => TestEvents.Event(state: AlertState.Resolved) with { NoData = true },
            "nodata-firing" => TestEvents.Event(state: AlertState.Firing) with { NoData = true },
            "resolved" => TestEvents.Event(state: AlertState.Resolved),
            _ => TestEvents.Event(),
        };

        Assert.Equal(expected, SubscriptionMatcher.Matches(filter, e));
    }

    private static List<string> Split(string csv) => [.. csv.Split(',', StringSplitOptions.RemoveEmptyEntries)];
}
