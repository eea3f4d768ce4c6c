using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Alerts.Deliver.Charts;
using Alerts.Deliver.Email;
using Alerts.Deliver.Rendering;
using Alerts.Evaluate.Lifecycle;
using Alerts.Route.NotificationLog;
using Alerts.Route.Notifications;
using Alerts.Route.Routing;
using Alerts.Route.Silences;
using Alerts.Route.Subscriptions;

namespace Alerts.Deliver.Teams;

/// <summary>
/// Renders a notification as a Teams Workflows webhook payload: one message with one Adaptive Card
/// (version 1.4, <c>contentUrl: null</c>) holding every event of the group, kept under
/// <see cref="MaxPayloadBytes"/> by dropping the last events and saying "and N more".
/// </summary>
public sealed class TeamsCardRenderer
{
    /// <summary>Teams rejects messages over about 28 KB; staying under 20 KB leaves room for its own envelope.</summary>
    public const int MaxPayloadBytes = 20 * 1024;

    public const string CardVersion = "1.4";

    private readonly RenderingOptions _options;

    public TeamsCardRenderer(RenderingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
    }

    /// <summary>The JSON payload to POST.</summary>
    /// <param name="charts">Trend charts by signed URL (<see cref="InlineChart.Url"/>): shown under the title, with
    /// their alt text and numbers, before the events.</param>
    public string Render(Notification notification, IReadOnlyList<InlineChart>? charts = null)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var blocks = SeriesBlock.Of(notification.Events);
        var total = notification.Events.Count;
        var chartItems = ChartItems(charts ?? []);

        // Sections (one per series block) are built and measured one by one until the budget is spent, so a group of
        // thousands of events costs no more than the few that fit. The base size already counts the "and N more" line.
        var budget = MaxPayloadBytes - Encoding.UTF8.GetByteCount(Serialize(notification, chartItems, [], total));
        var sections = new List<(JsonObject Section, int Events)>();
        foreach (var block in blocks)
        {
            var section = BlockContainer(block);
            budget -= Encoding.UTF8.GetByteCount(section.ToJsonString()) + 1;
            if (budget <= 0)
            {
                break;
            }

            sections.Add((section, block.Events.Count));
        }

        var json = Serialize(notification, chartItems, sections.ConvertAll(s => s.Section), total - sections.Sum(s => s.Events));
        while (sections.Count > 0 && Encoding.UTF8.GetByteCount(json) >= MaxPayloadBytes)
        {
            sections.RemoveAt(sections.Count - 1);
            json = Serialize(notification, chartItems, sections.ConvertAll(s => s.Section), total - sections.Sum(s => s.Events));
        }

        return json;
    }

    // An Image (Teams fetches the signed URL) and the chart's numbers as text, for screen readers and expired links.
    private static List<JsonObject> ChartItems(IReadOnlyList<InlineChart> charts)
    {
        var items = new List<JsonObject>();
        foreach (var chart in charts.Where(c => c.Url is not null))
        {
            items.Add(new JsonObject { ["type"] = "Image", ["url"] = chart.Url!.AbsoluteUri, ["altText"] = chart.AltText, ["size"] = "Stretch" });
            items.Add(new JsonObject { ["type"] = "TextBlock", ["text"] = Md("Trend: " + string.Join("; ", chart.Numbers)), ["isSubtle"] = true, ["wrap"] = true, ["size"] = "Small" });
        }

        return items;
    }

    /// <param name="hidden">Events left out for size, said as "and N more".</param>
    private string Serialize(Notification n, List<JsonObject> chartItems, List<JsonObject> sections, int hidden)
    {
        var body = new JsonArray
        {
            new JsonObject
            {
                ["type"] = "TextBlock",
                ["text"] = Md(Title(n)),
                ["size"] = "Medium",
                ["weight"] = "Bolder",
                ["wrap"] = true,
            },
        };
        if (HeldText.Line(n) is { } heldLine)
        {
            body.Add(new JsonObject { ["type"] = "TextBlock", ["text"] = Md(heldLine), ["isSubtle"] = true, ["wrap"] = true });
        }

        if (n.Digest is { } digest)
        {
            foreach (var (heading, line) in DigestText.Lines(n, digest))
            {
                body.Add(new JsonObject { ["type"] = "TextBlock", ["text"] = Md(line), ["wrap"] = true, ["weight"] = heading ? "Bolder" : "Default", ["spacing"] = heading ? "Medium" : "None" });
            }
        }

        foreach (var item in chartItems)
        {
            body.Add(item.DeepClone());
        }

        foreach (var section in sections)
        {
            body.Add(section.DeepClone());
        }

        if (hidden > 0)
        {
            body.Add(new JsonObject
            {
                ["type"] = "TextBlock",
                ["text"] = string.Create(CultureInfo.InvariantCulture, $"and {hidden} more"),
                ["isSubtle"] = true,
                ["wrap"] = true,
            });
        }

        // The footer every card ends with, as every mail ends with its unsubscribe link: the way back to the subscription.
        var manage = SubscriptionLinks.Manage(_options, n.SubscriptionId).AbsoluteUri;
        body.Add(new JsonObject
        {
            ["type"] = "TextBlock",
            ["text"] = $"You receive this because of a subscription to supply concentration alerts. [Manage the subscription]({manage})",
            ["isSubtle"] = true,
            ["size"] = "Small",
            ["wrap"] = true,
            ["separator"] = true,
        });

        var actions = new JsonArray();
        if (n.Events.Count > 0)
        {
            actions.Add(new JsonObject
            {
                ["type"] = "Action.OpenUrl",
                ["title"] = n.Events.Count == 1 ? "Open alert" : "Open first alert",
                ["url"] = AlertText.Link(_options, AlertText.Ordered(n.Events)[0]),
            });
        }

        actions.Add(new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = "Manage subscription", ["url"] = manage });
        var card = new JsonObject
        {
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["type"] = "AdaptiveCard",
            ["version"] = CardVersion,
            ["msteams"] = new JsonObject { ["width"] = "Full" },
            ["body"] = body,
            ["actions"] = actions,
        };
        var payload = new JsonObject
        {
            ["type"] = "message",
            ["attachments"] = new JsonArray
            {
                new JsonObject
                {
                    ["contentType"] = "application/vnd.microsoft.card.adaptive",
                    ["contentUrl"] = null,
                    ["content"] = card,
                },
            },
        };
        return payload.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
    }

    private JsonObject BlockContainer(SeriesBlock block)
    {
        var e = block.Lead;
        var resolved = e.State == AlertState.Resolved;
        var severity = SeverityLevels.OfEvent(e.Severity);
        var facts = new JsonArray
        {
            Fact("Severity", AlertText.SeverityTag(e)),
            Fact("State", AlertStateText.StateLine(e)),
            Fact("Rule", AlertText.Clean(e.RuleName, 120)),
            Fact("Value", AlertText.FormatValue(e.Metric, e.Value) + " (threshold " + AlertText.FormatValue(e.Metric, e.Threshold) + ")"),
        };
        if (AlertText.Previous(e) is { } previous)
        {
            facts.Add(Fact("Previously", previous));
        }

        if (AlertText.RevisionNote(e) is { } revision)
        {
            facts.Add(Fact("Revision", revision));
        }

        var items = new JsonArray
        {
            new JsonObject
            {
                ["type"] = "TextBlock",
                ["text"] = Md(AlertText.Headline(e)),
                ["weight"] = "Bolder",
                ["wrap"] = true,
                ["color"] = resolved ? "Good" : severity == Severity.Critical ? "Attention" : severity == Severity.Warning ? "Warning" : "Default",
            },
            new JsonObject { ["type"] = "FactSet", ["facts"] = facts },
        };

        // The other metrics of the series, one line each, linking to their own alert pages.
        foreach (var other in block.Others)
        {
            items.Add(new JsonObject
            {
                ["type"] = "TextBlock",
                ["text"] = Md("[" + AlertText.SeverityTag(other) + "] " + SeriesBlockText.MetricLine(other) + "; " + SeriesBlockText.Rule(other))
                    + " [View](" + AlertText.Link(_options, other) + ")",
                ["wrap"] = true,
                ["spacing"] = "Small",
            });
        }

        var suppliers = AlertText.Suppliers(block.SupplierSource, _options.MaxSuppliers);
        if (suppliers.Count > 0)
        {
            var names = new JsonArray();
            var shares = new JsonArray();
            foreach (var (name, share, _) in suppliers)
            {
                names.Add(SmallText(Md(name)));
                shares.Add(SmallText(share));
            }

            items.Add(new JsonObject
            {
                ["type"] = "ColumnSet",
                ["columns"] = new JsonArray
                {
                    new JsonObject { ["type"] = "Column", ["width"] = "stretch", ["items"] = names },
                    new JsonObject { ["type"] = "Column", ["width"] = "auto", ["items"] = shares },
                },
            });
        }

        return new JsonObject
        {
            ["type"] = "Container",
            ["separator"] = true,
            ["style"] = resolved ? "good" : severity == Severity.Critical ? "attention" : severity == Severity.Warning ? "warning" : "default",
            ["items"] = items,
            ["selectAction"] = new JsonObject { ["type"] = "Action.OpenUrl", ["url"] = AlertText.Link(_options, e) },
        };
    }

    private static string Title(Notification n)
    {
        if (n.Reason == NotificationReasons.Test)
        {
            return AlertText.Subject(n); // labelled as the test mail is: "[TEST] ..."
        }

        var count = n.Events.Count == 1 ? "1 alert" : string.Create(CultureInfo.InvariantCulture, $"{n.Events.Count} alerts");
        var name = string.IsNullOrWhiteSpace(n.SubscriptionName) ? string.Empty : " - " + AlertText.Clean(n.SubscriptionName, 100);
        return $"Supply concentration: {count} ({AlertText.WhyText(n.Reason)}){name}";
    }

    private static JsonObject Fact(string title, string value) => new() { ["title"] = title, ["value"] = Md(value) };

    private static JsonObject SmallText(string text) => new() { ["type"] = "TextBlock", ["text"] = text, ["spacing"] = "None", ["wrap"] = true };

    // TextBlocks render a markdown subset: escape what could turn data into links or formatting.
    private static string Md(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '\\' or '*' or '_' or '[' or ']' or '`' or '~' or '#')
            {
                sb.Append('\\');
            }

            sb.Append(c);
        }

        return sb.ToString();
    }
}
