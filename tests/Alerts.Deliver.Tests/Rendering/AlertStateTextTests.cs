using Alerts.Deliver.Email;
using Alerts.Deliver.Rendering;
using Alerts.Deliver.Teams;
using Alerts.Evaluate.Lifecycle;
using Alerts.Route.Notifications;
using Alerts.Route.Routing;
using Alerts.TestKit.Events;

namespace Alerts.Deliver.Tests.Rendering;

public sealed class AlertStateTextTests
{
    private static readonly RenderingOptions Options = new() { PublicBaseUrl = "https://alerts.example.com" };

    [Theory]
    // a rule without waits: the plain states
    [InlineData("firing", null, null, "firing")]
    [InlineData("resolved", null, null, "resolved")]
    // fired after its rule's "for": since when the breach lasted
    [InlineData("firing", "2024-01", null, "firing (breaching since 2024-01)")]
    // resolved after "keepFiringFor": since when the value was clear
    [InlineData("resolved", "2024-05", null, "resolved (clear since 2024-05)")]
    // the no-data alert: the last period with data, or the source's failures
    [InlineData("nodata", "2024-03", null, "no data (no data after 2024-03)")]
    [InlineData("nodata", "2024-03", 3, "no data (the source failed 3 runs in a row)")]
    [InlineData("nodata-resolved", null, null, "resolved (data is back)")]
    // "noData": "alerting": the rule's own alert, saying why it fires
    [InlineData("nodata-firing", "2024-03", null, "firing (no data after 2024-03)")]
    public void StateLine_EachState_SaysHowItCameAbout(string kind, string? since, int? failedRuns, string expected)
    {
        Assert.Equal(expected, AlertStateText.StateLine(Event(kind, since, failedRuns)));
    }

    [Theory]
    [InlineData("nodata", "No data: EU imports of rare-earth permanent magnets (by weight), no data after 2024")]
    [InlineData("nodata-resolved", "Data is back: EU imports of rare-earth permanent magnets (by weight) has data again for 'Single third country above 65% (CRMA benchmark)'")]
    [InlineData("nodata-firing", "No data: 'Single third country above 65% (CRMA benchmark)' fires for EU imports of rare-earth permanent magnets (by weight), no data after 2024")]
    public void Headline_NoDataEvents_SayDataIsMissingNotAValue(string kind, string expected)
    {
        Assert.Equal(expected, AlertText.Headline(Event(kind, "2024", null)));
    }

    [Fact]
    public void Render_MailAndCard_ShowTheState()
    {
        var events = new[] { Event("firing", "2024-01", null), Event("nodata", "2023", 4) with { Fingerprint = "fp-2", EventId = "e-2" } };
        var notification = new Notification("n-1", "sub-1", Channels.Email, "ops@example.com", "all", NotificationReasons.First, events);

        var mail = new EmailRenderer(Options).Render(notification);
        var card = new TeamsCardRenderer(Options).Render(notification with { Channel = Channels.Teams });

        Assert.Contains("State: firing (breaching since 2024-01)", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("State: no data (the source failed 4 runs in a row)", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("State: firing (breaching since 2024-01)", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("[no data] No data: ", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("\"title\":\"State\",\"value\":\"firing (breaching since 2024-01)\"", card, StringComparison.Ordinal);
        Assert.Contains("\"value\":\"no data (the source failed 4 runs in a row)\"", card, StringComparison.Ordinal);
    }

    private static AlertEvent Event(string kind, string? since, int? failedRuns) => kind switch
    {
        "resolved" => TestEvents.Event(state: AlertState.Resolved, value: 0.5) with { Since = since },
        "nodata" => TestEvents.Event(state: AlertState.NoData) with { NoData = true, Since = since, FailedRuns = failedRuns },
        "nodata-resolved" => TestEvents.Event(state: AlertState.Resolved) with { NoData = true, Since = since },
        "nodata-firing" => TestEvents.Event() with { NoData = true, Since = since },
        _ => TestEvents.Event() with { Since = since },
    };
}
