using System.Text;
using System.Text.Json;
using Alerts.Deliver.Email;
using Alerts.Deliver.Rendering;
using Alerts.Deliver.Teams;
using Alerts.Deliver.Tests.Email;
using Alerts.Deliver.Tests.Rendering;
using Alerts.Evaluate.Lifecycle;
using Alerts.Route.NotificationLog;
using Alerts.Route.Notifications;
using Alerts.Route.Routing;
using Alerts.Route.Silences;
using Alerts.Route.Subscriptions;
using Alerts.TestKit.Events;

namespace Alerts.Deliver.Tests.Teams;

public sealed class TeamsCardRendererTests
{
    private static readonly TeamsCardRenderer Renderer = new(new RenderingOptions { PublicBaseUrl = "https://alerts.example.com" });

    [Fact]
    public void Render_OneEvent_WorkflowsMessageWithAdaptiveCard14()
    {
        var json = Renderer.Render(Notification([TestEvents.Event(previousValue: 0.88)]));

        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        Assert.Equal("message", root.GetProperty("type").GetString());
        var attachment = Assert.Single(root.GetProperty("attachments").EnumerateArray());
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment.GetProperty("contentType").GetString());
        Assert.Equal(JsonValueKind.Null, attachment.GetProperty("contentUrl").ValueKind);
        var card = attachment.GetProperty("content");
        Assert.Equal("AdaptiveCard", card.GetProperty("type").GetString());
        Assert.Equal("1.4", card.GetProperty("version").GetString());

        var body = card.GetProperty("body").EnumerateArray().ToList();
        Assert.Equal("TextBlock", body[0].GetProperty("type").GetString());
        var container = body[1];
        Assert.Equal("Container", container.GetProperty("type").GetString());
        var items = container.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(
            "China supplies 91.2% of EU imports of rare-earth permanent magnets (2024, by weight) - above 65%",
            items[0].GetProperty("text").GetString());
        var facts = items[1].GetProperty("facts").EnumerateArray().ToDictionary(f => f.GetProperty("title").GetString()!, f => f.GetProperty("value").GetString());
        Assert.Equal("91.2% (threshold 65%)", facts["Value"]);
        Assert.Equal("88%", facts["Previously"]);
        Assert.Equal("ColumnSet", items[2].GetProperty("type").GetString());
        Assert.Contains("\"China\"", items[2].GetRawText(), StringComparison.Ordinal);

        var actions = card.GetProperty("actions").EnumerateArray().ToList();
        Assert.Equal(["Action.OpenUrl", "Action.OpenUrl"], actions.Select(a => a.GetProperty("type").GetString()));
        Assert.Equal("https://alerts.example.com/api/web/alerts/fp-magnets", actions[0].GetProperty("url").GetString());

        // the way back to the subscription, as a button and in the footer (as every mail has its unsubscribe link)
        var manage = $"https://alerts.example.com/api/web/subscriptions/{Notification([]).SubscriptionId}/edit";
        Assert.Equal(manage, actions[1].GetProperty("url").GetString());
        Assert.Contains($"[Manage the subscription]({manage})", body[^1].GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    // a few events: all shown
    [InlineData(3, false)]
    // many events: truncated with "and N more"
    [InlineData(200, true)]
    // very many events
    [InlineData(2000, true)]
    public void Render_ManyEvents_StaysUnder20KB(int count, bool truncated)
    {
        var events = Enumerable.Range(0, count)
            .Select(i => TestEvents.Event(fingerprint: "fp" + i, commodity: "c" + i, commodityName: "commodity number " + i + " " + new string('x', 60)))
            .ToList();

        var json = Renderer.Render(Notification(events));

        Assert.True(Encoding.UTF8.GetByteCount(json) < TeamsCardRenderer.MaxPayloadBytes, Encoding.UTF8.GetByteCount(json).ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var doc = JsonDocument.Parse(json);
        var body = doc.RootElement.GetProperty("attachments")[0].GetProperty("content").GetProperty("body").EnumerateArray().ToList();
        var containers = body.Count(b => b.GetProperty("type").GetString() == "Container");
        if (truncated)
        {
            Assert.InRange(containers, 1, count - 1);
            Assert.Equal($"and {count - containers} more", body[^2].GetProperty("text").GetString());
        }
        else
        {
            Assert.Equal(count, containers);
        }
    }

    [Fact]
    public void Render_MarkdownInData_Escaped()
    {
        var json = Renderer.Render(Notification([TestEvents.Event(commodityName: "[click](https://evil.example) **x**")]));

        using var doc = JsonDocument.Parse(json);
        var headline = doc.RootElement.GetProperty("attachments")[0].GetProperty("content").GetProperty("body")[1].GetProperty("items")[0].GetProperty("text").GetString();
        Assert.Contains(@"\[click\](https://evil.example) \*\*x\*\*", headline, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Resolved_GoodColour()
    {
        var json = Renderer.Render(Notification([TestEvents.Event(state: AlertState.Resolved, value: 0.4)]));

        using var doc = JsonDocument.Parse(json);
        var container = doc.RootElement.GetProperty("attachments")[0].GetProperty("content").GetProperty("body")[1];
        Assert.Equal("good", container.GetProperty("style").GetString());
        Assert.StartsWith("Resolved:", container.GetProperty("items")[0].GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_TestNotification_TitledAsATestLikeTheTestMail()
    {
        var sample = SubscriptionTestSend.Sample(
            new Subscription("sub-9", "owner", Channels.Teams, "https://x.logic.azure.com/w", new SubscriptionFilter([], [], [], Severity.Info, []), GroupBy.All, TimeSpan.FromHours(1), DateTimeOffset.UnixEpoch),
            DateTimeOffset.UnixEpoch);

        using var doc = JsonDocument.Parse(Renderer.Render(sample));

        var title = doc.RootElement.GetProperty("attachments")[0].GetProperty("content").GetProperty("body")[0].GetProperty("text").GetString();
        Assert.StartsWith("\\[TEST\\] Test notification", title, StringComparison.Ordinal);
    }

    private static Notification Notification(IReadOnlyList<AlertEvent> events) =>
        new("n-1", "sub-1", Channels.Teams, "https://x.logic.azure.com/w", "all", NotificationReasons.First, events, "Magnet desk");
}
