using Alerts.Compute.Engine;
using Alerts.Deliver.Email;
using Alerts.Deliver.Rendering;
using Alerts.Deliver.Teams;
using Alerts.Deliver.Tests.Rendering;
using Alerts.Deliver.Tests.Teams;
using Alerts.Evaluate.Lifecycle;
using Alerts.Route.NotificationLog;
using Alerts.Route.Notifications;
using Alerts.Route.Routing;
using Alerts.Route.Silences;
using Alerts.Route.Subscriptions;
using Alerts.TestKit.Events;

namespace Alerts.Deliver.Tests.Email;

public sealed class EmailRendererTests
{
    private static readonly EmailRenderer Renderer = new(new RenderingOptions { PublicBaseUrl = "https://alerts.example.com" });

    [Fact]
    public void Render_FiringEvent_SubjectSuppliersLinkInBothParts()
    {
        var e = TestEvents.Event(previousValue: 0.88);

        var mail = Renderer.Render(Notification([e]));

        Assert.Equal("[critical] China supplies 91.2% of EU imports of rare-earth permanent magnets (2024, by weight) - above 65%", mail.Subject);
        foreach (var body in new[] { mail.TextBody, mail.HtmlBody })
        {
            Assert.Contains("China", body, StringComparison.Ordinal);
            Assert.Contains("91.2%", body, StringComparison.Ordinal);
            Assert.Contains("Japan", body, StringComparison.Ordinal);
            Assert.Contains("5.0%", body, StringComparison.Ordinal);
            Assert.Contains("previously 88%", body, StringComparison.Ordinal);
            Assert.Contains("https://alerts.example.com/api/web/alerts/fp-magnets", body, StringComparison.Ordinal);
        }

        Assert.Contains("<table", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("<td style=\"padding:2px 12px 2px 0\">China</td>", mail.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_HostileValues_HtmlEscapedEverywhere()
    {
        var e = TestEvents.Event(
            commodityName: "<script>alert(1)</script>",
            ruleId: "<b>r</b>",
            suppliers: [new SupplierShare("<img src=x onerror=alert(2)>", 1m, 1.0)],
            revision: new Revision("<i>2024</i>", 0.5, 0.9, "<v1>", "\"v2\""));

        var mail = Renderer.Render(Notification([e], name: "<svg onload=alert(3)>"));

        Assert.DoesNotContain("<script", mail.HtmlBody, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", mail.HtmlBody, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<svg", mail.HtmlBody, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>r", mail.HtmlBody, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<v1>", mail.HtmlBody, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert(2)&gt;", mail.HtmlBody, StringComparison.Ordinal);

        // The text part shows the name as it is: nothing renders it.
        Assert.Contains("<script>alert(1)</script>", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Resolved_ClearlyWorded()
    {
        var e = TestEvents.Event(state: AlertState.Resolved, value: 0.463);

        var mail = Renderer.Render(Notification([e], NotificationReasons.Resolved));

        Assert.StartsWith("[resolved] ", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("Resolved: largest supplier's share of EU imports of rare-earth permanent magnets is back below 65%", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("alerts resolved", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Revision_NoteInBothParts()
    {
        var mail = Renderer.Render(Notification([TestEvents.Event(revision: new Revision("2024", 0.6, 0.912, null, "2025-04"))]));

        Assert.Contains("Revision: 2024 revised from 60% to 91.2%", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Revision: 2024 revised from 60% to 91.2%", mail.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Group_EveryEventFiringFirst()
    {
        var events = new[]
        {
            TestEvents.Event(fingerprint: "a", state: AlertState.Resolved, commodityName: "gallium"),
            TestEvents.Event(fingerprint: "b", commodityName: "natural graphite"),
        };

        var mail = Renderer.Render(Notification(events));

        Assert.EndsWith("(+1 more)", mail.Subject, StringComparison.Ordinal);
        var graphite = mail.TextBody.IndexOf("natural graphite", StringComparison.Ordinal);
        var gallium = mail.TextBody.IndexOf("gallium", StringComparison.Ordinal);
        Assert.InRange(graphite, 0, gallium);
        Assert.Contains("2 alerts", mail.TextBody, StringComparison.Ordinal);
    }

    private static Notification Notification(IReadOnlyList<AlertEvent> events, string reason = NotificationReasons.First, string? name = "Magnet desk") =>
        new("n-1", "sub-1", Channels.Email, "ops@example.com", "all", reason, events, name);
}
