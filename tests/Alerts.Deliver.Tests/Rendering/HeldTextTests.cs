using Alerts.Deliver.Email;
using Alerts.Deliver.Rendering;
using Alerts.Deliver.Teams;
using Alerts.Route.Notifications;
using Alerts.Route.Routing;
using Alerts.TestKit.Events;

namespace Alerts.Deliver.Tests.Rendering;

/// <summary>A notification released after a silence or mute window held it says so, in every channel.</summary>
public sealed class HeldTextTests
{
    private static readonly RenderingOptions Options = new() { PublicBaseUrl = "https://alerts.example.com" };

    private static Notification Released(HeldNote? held) =>
        new("n-1", "sub-1", Channels.Email, "ops@example.eu", "commodity:85051110", NotificationReasons.First, [TestEvents.Event()], "Ops", Held: held);

    [Fact]
    public void Render_HeldByAMuteWindow_OneLineInMailTextHtmlAndCard()
    {
        var n = Released(new HeldNote(NotificationReasons.MuteWindow, TestEvents.T0.AddHours(-10), "mute window 22:00-07:00 Europe/Brussels"));

        var mail = new EmailRenderer(Options).Render(n);
        var card = new TeamsCardRenderer(Options).Render(n with { Channel = Channels.Teams });

        const string line = "Held during mute window 22:00-07:00 Europe/Brussels since 2026-11-30 22:00 UTC; sent once it ended.";
        Assert.Contains("\n\n" + line + "\n\n", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains(">" + line + "</p>", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains(line, card, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_HeldBySilence_DetailEscaped_NotHeld_NoLine()
    {
        var held = Released(new HeldNote(NotificationReasons.Silenced, TestEvents.T0, "silence <b>s-1</b>"));

        Assert.Equal("Held by silence <b>s-1</b> since 2026-12-01 08:00 UTC; sent once it ended.", HeldText.Line(held));
        Assert.Contains("Held by silence &lt;b&gt;s-1&lt;/b&gt;", new EmailRenderer(Options).Render(held).HtmlBody, StringComparison.Ordinal);
        Assert.Null(HeldText.Line(Released(null)));
        Assert.DoesNotContain("Held ", new EmailRenderer(Options).Render(Released(null)).TextBody, StringComparison.Ordinal);
    }
}
