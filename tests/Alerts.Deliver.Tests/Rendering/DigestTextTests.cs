using Alerts.Deliver.Email;
using Alerts.Deliver.Rendering;
using Alerts.Deliver.Teams;
using Alerts.Evaluate.Lifecycle;
using Alerts.Route.Notifications;
using Alerts.Route.Routing;
using Alerts.TestKit.Events;

namespace Alerts.Deliver.Tests.Rendering;

public sealed class DigestTextTests
{
    private static readonly RenderingOptions Options = new() { PublicBaseUrl = "https://alerts.example.com" };

    private static Notification Digest(int stillFiring)
    {
        var fired = TestEvents.Event(fingerprint: "a", eventId: "a1", previousValue: 0.7);
        var resolved = TestEvents.Event(fingerprint: "b", eventId: "b1", state: AlertState.Resolved, value: 0.5, commodityName: "gallium");
        var still = Enumerable.Range(0, stillFiring).Select(i => TestEvents.Event(fingerprint: $"s{i}", eventId: $"s{i}", commodityName: $"still-{i}")).ToList();
        var summary = new DigestSummary("daily at 08:00 Europe/Brussels", TestEvents.T0.AddDays(-1), TestEvents.T0, ["a1"], ["b1"], [.. still.Select(e => e.EventId)], ["a1"]);
        return new Notification("n-1", "sub-1", Channels.Email, "ops@example.eu", "digest", NotificationReasons.Digest, [fired, resolved, .. still], "Ops", summary);
    }

    [Fact]
    public void Render_Digest_SubjectCountsAndSectionsInMailAndCard()
    {
        var n = Digest(2);

        var mail = new EmailRenderer(Options).Render(n);
        var card = new TeamsCardRenderer(Options).Render(n with { Channel = Channels.Teams });

        Assert.Equal("[digest] Daily at 08:00 Europe/Brussels: 1 fired, 1 resolved, 2 still firing", mail.Subject);
        Assert.Contains("From 2026-11-30 08:00 to 2026-12-01 08:00 UTC", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("\nFired (1)\n- China supplies 91.2% of EU imports", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("\nResolved (1)\n- Resolved: largest supplier's share of EU imports of gallium", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("\nStill firing (2)\n", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("\nTop movers (1)\n- China supplies 91.2% of EU imports of rare-earth permanent magnets (2024, by weight) - above 65% (was 70%)", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("<h3 style=\"font-size:15px;margin:10px 0 4px\">Still firing (2)</h3>", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Still firing (2)", card, StringComparison.Ordinal);
        Assert.Contains("(digest)", card, StringComparison.Ordinal);
    }

    [Fact]
    public void Lines_ManyStillFiring_NamesFifteenAndCountsTheRest()
    {
        var n = Digest(40);

        var lines = DigestText.Lines(n, n.Digest!);

        Assert.Equal(DigestText.MaxLinesPerSection, lines.Count(l => l.Text.StartsWith("- ", StringComparison.Ordinal) && l.Text.Contains("still-", StringComparison.Ordinal)));
        Assert.Contains(lines, l => l.Text == "- and 25 more");
        Assert.True(System.Text.Encoding.UTF8.GetByteCount(new TeamsCardRenderer(Options).Render(n with { Channel = Channels.Teams })) <= TeamsCardRenderer.MaxPayloadBytes);
    }
}
