using Alerts.Compute.Engine;
using Alerts.Deliver.Email;
using Alerts.Deliver.Rendering;
using Alerts.Deliver.Teams;
using Alerts.Deliver.Tests.Email;
using Alerts.Deliver.Tests.Teams;
using Alerts.Evaluate.Lifecycle;
using Alerts.Route.NotificationLog;
using Alerts.Route.Notifications;
using Alerts.Route.Routing;
using Alerts.Route.Silences;
using Alerts.Route.Subscriptions;
using Alerts.TestKit.Events;

namespace Alerts.Deliver.Tests.Rendering;

public sealed class AlertTextTests
{
    [Theory]
    // CRMA rule firing: who, how much, of what, when, how bad
    [InlineData("cr1", 0.912, 0.65, AlertState.Firing, "China supplies 91.2% of EU imports of rare-earth permanent magnets (2024, by weight) - above 65%")]
    // HHI firing
    [InlineData("hhi", 8400.4, 2500, AlertState.Firing, "HHI of EU imports of rare-earth permanent magnets is 8,400 (2024, by weight) - above 2,500")]
    // top-3 share
    [InlineData("cr3", 0.946, 0.9, AlertState.Firing, "The top 3 suppliers provide 94.6% of EU imports of rare-earth permanent magnets (2024, by weight) - above 90%")]
    // a metric that fires when it falls
    [InlineData("equivalentSuppliers", 1.2, 2, AlertState.Firing, "equivalent number of suppliers of EU imports of rare-earth permanent magnets is 1.2 (2024, by weight) - below 2")]
    // resolved CRMA rule names the current largest supplier
    [InlineData("cr1", 0.463, 0.65, AlertState.Resolved, "Resolved: largest supplier's share of EU imports of rare-earth permanent magnets is back below 65% (2024, by weight): China 46.3%")]
    // resolved HHI
    [InlineData("hhi", 2100, 2500, AlertState.Resolved, "Resolved: HHI of EU imports of rare-earth permanent magnets is back below 2,500 (2024, by weight): 2,100")]
    // a change against a year earlier: signed, whole HHI points
    [InlineData("hhiChangeFromYearAgo", 3200, 500, AlertState.Firing, "change of the HHI against a year earlier of EU imports of rare-earth permanent magnets is +3,200 (2024, by weight) - above +500")]
    // a share change: percentage points
    [InlineData("cr1ChangeFromPrevious", -0.073, -0.05, AlertState.Firing, "change of the largest supplier's share against the previous period of EU imports of rare-earth permanent magnets is -7.3 pp (2024, by weight) - below -5 pp")]
    // CRMA consumption proxy: a share of apparent consumption, not of imports
    [InlineData("crmaConsumptionShare", 0.98, 0.65, AlertState.Firing, "China supplies 98% of EU apparent consumption of rare-earth permanent magnets (2024, by weight) - above 65%")]
    // CRMA import proxy reads like CR1
    [InlineData("crmaImportShare", 0.912, 0.65, AlertState.Firing, "China supplies 91.2% of EU imports of rare-earth permanent magnets (2024, by weight) - above 65%")]
    // consumption proxy resolved: back below, with the top supplier
    [InlineData("crmaConsumptionShare", 0.5, 0.65, AlertState.Resolved, "Resolved: largest supplier's share of EU apparent consumption of rare-earth permanent magnets is back below 65% (2024, by weight): China 50%")]
    // supply risk: two decimals against the criticality threshold
    [InlineData("supplyRisk", 1.4237, 1, AlertState.Firing, "EU supply risk (2017 method) of rare-earth permanent magnets is 1.42 (2024, by weight) - above 1.00")]
    // supply risk resolved
    [InlineData("supplyRisk", 0.8, 1, AlertState.Resolved, "Resolved: EU supply risk (2017 method) of rare-earth permanent magnets is back below 1.00 (2024, by weight): 0.80")]
    public void Headline_Metric_SaysWhatWhereHowBad(string metric, double value, double threshold, AlertState state, string expected)
    {
        Assert.Equal(expected, AlertText.Headline(TestEvents.Event(metric: metric, value: value, threshold: threshold, state: state)));
    }

    [Fact]
    public void Headline_CountryReporter_UsesItsName()
    {
        var e = TestEvents.Event(reporter: "DE");

        Assert.StartsWith("China supplies 91.2% of Germany's imports of", AlertText.Headline(e), StringComparison.Ordinal);
    }

    [Fact]
    public void Headline_NoSuppliers_SaysLargestSupplier()
    {
        Assert.StartsWith("The largest supplier supplies", AlertText.Headline(TestEvents.Event(suppliers: [])), StringComparison.Ordinal);
    }

    [Theory]
    // one firing event
    [InlineData(1, AlertState.Firing, "[critical] China supplies 91.2% of EU imports of rare-earth permanent magnets (2024, by weight) - above 65%")]
    // a group of three
    [InlineData(3, AlertState.Firing, "[critical] China supplies 91.2% of EU imports of rare-earth permanent magnets (2024, by weight) - above 65% (+2 more)")]
    // resolved
    [InlineData(1, AlertState.Resolved, "[resolved] largest supplier's share of EU imports of rare-earth permanent magnets is back below 65% (2024, by weight): China 46.3%")]
    public void Subject_Group_LeadsWithMostSevere(int count, AlertState state, string expected)
    {
        var events = Enumerable.Range(0, count)
            .Select(i => TestEvents.Event(fingerprint: "fp" + i, state: state, severity: i == 0 ? "critical" : "warning", value: state == AlertState.Resolved ? 0.463 : i == 0 ? 0.912 : 0.7, commodity: "c" + (9 - i)))
            .Reverse()
            .ToList();

        var subject = AlertText.Subject(Notification(events));

        Assert.Equal(expected, subject);
    }

    [Fact]
    public void Subject_HugeOrHostileName_ClippedWithoutLineBreaks()
    {
        var e = TestEvents.Event(commodityName: new string('x', 500) + "\r\nBcc: victim@example.com");

        var subject = AlertText.Subject(Notification([e]));

        Assert.True(subject.Length <= AlertText.MaxSubjectLength, subject.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.DoesNotContain('\r', subject);
        Assert.DoesNotContain('\n', subject);
    }

    [Fact]
    public void RevisionNote_WithVintages_SaysWhatChanged()
    {
        var e = TestEvents.Event(revision: new Revision("2024", 0.88, 0.912, "2025-03-15", "2025-04-15"));

        Assert.Equal("2024 revised from 88% to 91.2% (data vintage 2025-03-15 -> 2025-04-15)", AlertText.RevisionNote(e));
        Assert.Null(AlertText.RevisionNote(TestEvents.Event()));
    }

    [Theory]
    [InlineData(IndexSelection.Rolling12, "2024-06", "China supplies 91.2% of EU imports of rare-earth permanent magnets (rolling 12 months to 2024-06, by weight) - above 65%")] // rolling rule
    [InlineData(IndexSelection.Monthly, "2024-06", "China supplies 91.2% of EU imports of rare-earth permanent magnets (month 2024-06, by weight) - above 65%")] // monthly rule
    [InlineData(IndexSelection.Annual, "2024", "China supplies 91.2% of EU imports of rare-earth permanent magnets (calendar year 2024, by weight) - above 65%")] // annual rule, also summed from months
    [InlineData(IndexSelection.Published, "2024-06", "China supplies 91.2% of EU imports of rare-earth permanent magnets (2024-06, by weight) - above 65%")] // published: just the period
    public void Headline_Window_SaysWhichWindowUnlessPublished(IndexSelection window, string period, string expected)
    {
        Assert.Equal(expected, AlertText.Headline(TestEvents.Event(period: period, window: window)));
    }

    [Fact]
    public void Subject_RollingWindow_NamesTheWindow()
    {
        var n = Notification([TestEvents.Event(period: "2024-06", window: IndexSelection.Rolling12)]);

        Assert.Contains("(rolling 12 months to 2024-06, by weight)", AlertText.Subject(n), StringComparison.Ordinal);
    }

    [Fact]
    public void RevisionNote_RollingWindow_NamesTheWindow()
    {
        var e = TestEvents.Event(period: "2024-06", window: IndexSelection.Rolling12, revision: new Revision("2024-05", 0.88, 0.912, "v1", "v2"));

        Assert.Equal("rolling 12 months to 2024-05 revised from 88% to 91.2% (data vintage v1 -> v2)", AlertText.RevisionNote(e));
    }

    [Fact]
    public void Suppliers_Weight_SharesAndTonnes()
    {
        var e = TestEvents.Event(suppliers: [new SupplierShare("CN", 6_000_000m, 0.463), new SupplierShare("XX", 10m, 0.001)]);

        Assert.Equal([("China", "46.3%", "6,000 t"), ("XX", "0.1%", "0 t")], AlertText.Suppliers(e, 5));
        Assert.Single(AlertText.Suppliers(e, 1));
    }

    [Fact]
    public void Link_Fingerprint_TheWebPagesViewEscapedUnderBaseUrl()
    {
        var link = AlertText.Link(new RenderingOptions { PublicBaseUrl = "https://alerts.example.com/" }, TestEvents.Event(fingerprint: "crma-65/EU27_2020 85051110"));

        Assert.Equal("https://alerts.example.com/api/web/alerts/crma-65%2FEU27_2020%2085051110", link);
    }

    private static Notification Notification(IReadOnlyList<AlertEvent> events) =>
        new("n-1", "sub-1", Channels.Email, "ops@example.com", "all", NotificationReasons.First, events);
}
