using System.Net;
using System.Text;
using Alerts.Deliver.Charts;
using Alerts.Deliver.Rendering;
using Alerts.Deliver.Teams;
using Alerts.Evaluate.Lifecycle;
using Alerts.Route.NotificationLog;
using Alerts.Route.Notifications;
using Alerts.Route.Routing;
using Alerts.Route.Silences;
using Alerts.Route.Subscriptions;

namespace Alerts.Deliver.Email;

/// <summary>Renders a notification as an email: a subject that says what, where and how bad, a text part and an HTML part.</summary>
public sealed class EmailRenderer
{
    private readonly RenderingOptions _options;

    public EmailRenderer(RenderingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
    }

    /// <param name="charts">Trend charts to show: each under the first event it shows (<see cref="InlineChart.Shows"/>),
    /// in the HTML part as <c>&lt;img src="cid:..."&gt;</c> with alt text and in both parts as numbers.</param>
    public EmailContent Render(Notification notification, IReadOnlyList<InlineChart>? charts = null)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var blocks = SeriesBlock.Of(notification.Events);
        var placed = Place(blocks, charts ?? []);
        var count = notification.Events.Count;
        return new EmailContent(AlertText.Subject(notification), Text(notification, count, blocks, placed), Html(notification, count, blocks, placed));
    }

    // Each chart once, with the first block that has an event it shows; one chart per block.
    private static Dictionary<SeriesBlock, InlineChart> Place(IReadOnlyList<SeriesBlock> blocks, IReadOnlyList<InlineChart> charts)
    {
        var placed = new Dictionary<SeriesBlock, InlineChart>(ReferenceEqualityComparer.Instance);
        foreach (var chart in charts)
        {
            if (blocks.FirstOrDefault(b => b.Events.Any(chart.Shows) && !placed.ContainsKey(b)) is { } first)
            {
                placed[first] = chart;
            }
        }

        return placed;
    }

    private string Text(Notification n, int count, IReadOnlyList<SeriesBlock> blocks, Dictionary<SeriesBlock, InlineChart> charts)
    {
        var sb = new StringBuilder();
        sb.Append(Intro(n, count)).Append("\n\n");
        if (HeldText.Line(n) is { } heldLine)
        {
            sb.Append(heldLine).Append("\n\n");
        }

        if (n.Digest is { } digest)
        {
            foreach (var (heading, line) in DigestText.Lines(n, digest))
            {
                sb.Append(heading ? "\n" + line + "\n" : line + "\n");
            }

            sb.Append('\n');
        }

        foreach (var block in blocks)
        {
            var e = block.Lead;
            sb.Append('[').Append(AlertText.SeverityTag(e)).Append("] ").Append(AlertText.Headline(e)).Append('\n');
            sb.Append("  State: ").Append(AlertStateText.StateLine(e)).Append('\n');
            sb.Append("  Rule: ").Append(AlertText.Clean(e.RuleName, 120)).Append(" (").Append(AlertText.Clean(e.RuleId, 64)).Append(")\n");
            sb.Append("  Value: ").Append(AlertText.FormatValue(e.Metric, e.Value))
                .Append(" (threshold ").Append(AlertText.FormatValue(e.Metric, e.Threshold)).Append(')');
            if (AlertText.Previous(e) is { } previous)
            {
                sb.Append(", previously ").Append(previous);
            }

            sb.Append('\n');
            if (AlertText.RevisionNote(e) is { } revision)
            {
                sb.Append("  Revision: ").Append(revision).Append('\n');
            }

            // Each alert's link right under its own facts: the lead's here, each other metric's under its line.
            sb.Append("  Details: ").Append(AlertText.Link(_options, e)).Append('\n');
            foreach (var other in block.Others)
            {
                sb.Append("  Also [").Append(AlertText.SeverityTag(other)).Append("] ").Append(SeriesBlockText.MetricLine(other))
                    .Append("; ").Append(SeriesBlockText.Rule(other)).Append("\n    Details: ").Append(AlertText.Link(_options, other)).Append('\n');
            }

            var suppliers = AlertText.Suppliers(block.SupplierSource, _options.MaxSuppliers);
            if (suppliers.Count > 0)
            {
                sb.Append("  Top suppliers:\n");
                foreach (var (name, share, amount) in suppliers)
                {
                    sb.Append("    ").Append(name.PadRight(24)).Append(share.PadLeft(7)).Append("  ").Append(amount).Append('\n');
                }
            }

            if (charts.TryGetValue(block, out var chart))
            {
                sb.Append("  Trend: ").Append(string.Join("; ", chart.Numbers)).Append('\n');
            }

            sb.Append('\n');
        }

        sb.Append("Shares are import-share proxies computed from Eurostat Comext trade data, not shares of EU consumption.\n");
        return sb.ToString();
    }

    private string Html(Notification n, int count, IReadOnlyList<SeriesBlock> blocks, Dictionary<SeriesBlock, InlineChart> charts)
    {
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>").Append(H(AlertText.Subject(n))).Append("</title></head>");
        sb.Append("<body style=\"font-family:Segoe UI,Arial,sans-serif;font-size:14px;color:#222\">");
        sb.Append("<p>").Append(H(Intro(n, count))).Append("</p>");
        if (HeldText.Line(n) is { } heldLine)
        {
            sb.Append("<p style=\"color:#605e5c\">").Append(H(heldLine)).Append("</p>");
        }

        if (n.Digest is { } digest)
        {
            foreach (var (heading, line) in DigestText.Lines(n, digest))
            {
                sb.Append(heading ? "<h3 style=\"font-size:15px;margin:10px 0 4px\">" : "<p style=\"margin:2px 0\">").Append(H(line)).Append(heading ? "</h3>" : "</p>");
            }
        }

        foreach (var block in blocks)
        {
            var e = block.Lead;
            var colour = e.State == AlertState.Resolved ? "#107c10" : e.State == AlertState.NoData ? "#605e5c" : SeverityLevels.OfEvent(e.Severity) == Severity.Critical ? "#c50f1f" : "#8a6d00";
            sb.Append("<div style=\"border-left:4px solid ").Append(colour).Append(";padding:4px 12px;margin:12px 0\">");
            sb.Append("<h2 style=\"font-size:16px;margin:4px 0\">[").Append(H(AlertText.SeverityTag(e))).Append("] ").Append(H(AlertText.Headline(e))).Append("</h2>");
            sb.Append("<p style=\"margin:4px 0\">State: ").Append(H(AlertStateText.StateLine(e))).Append("<br>Rule: ").Append(H(AlertText.Clean(e.RuleName, 120))).Append(" (").Append(H(AlertText.Clean(e.RuleId, 64))).Append(")<br>");
            sb.Append("Value: <b>").Append(H(AlertText.FormatValue(e.Metric, e.Value))).Append("</b> (threshold ").Append(H(AlertText.FormatValue(e.Metric, e.Threshold))).Append(')');
            if (AlertText.Previous(e) is { } previous)
            {
                sb.Append(", previously ").Append(H(previous));
            }

            if (AlertText.RevisionNote(e) is { } revision)
            {
                sb.Append("<br>Revision: ").Append(H(revision));
            }

            sb.Append("</p>");
            if (block.Others.Count > 0)
            {
                sb.Append("<ul style=\"margin:4px 0;padding-left:20px\">");
                foreach (var other in block.Others)
                {
                    sb.Append("<li>[").Append(H(AlertText.SeverityTag(other))).Append("] ").Append(H(SeriesBlockText.MetricLine(other)))
                        .Append("; ").Append(H(SeriesBlockText.Rule(other))).Append(" - <a href=\"").Append(H(AlertText.Link(_options, other)))
                        .Append("\">view</a></li>");
                }

                sb.Append("</ul>");
            }

            var suppliers = AlertText.Suppliers(block.SupplierSource, _options.MaxSuppliers);
            if (suppliers.Count > 0)
            {
                sb.Append("<table style=\"border-collapse:collapse;margin:6px 0\"><thead><tr>")
                    .Append("<th style=\"text-align:left;padding:2px 12px 2px 0\">Supplier</th>")
                    .Append("<th style=\"text-align:right;padding:2px 12px\">Share</th>")
                    .Append("<th style=\"text-align:right;padding:2px 0\">Amount</th></tr></thead><tbody>");
                foreach (var (name, share, amount) in suppliers)
                {
                    sb.Append("<tr><td style=\"padding:2px 12px 2px 0\">").Append(H(name))
                        .Append("</td><td style=\"text-align:right;padding:2px 12px\">").Append(H(share))
                        .Append("</td><td style=\"text-align:right;padding:2px 0\">").Append(H(amount)).Append("</td></tr>");
                }

                sb.Append("</tbody></table>");
            }

            if (charts.TryGetValue(block, out var chart) && chart.ContentId is { } cid)
            {
                sb.Append("<p style=\"margin:8px 0 2px\"><img src=\"cid:").Append(H(cid)).Append("\" alt=\"").Append(H(chart.AltText))
                    .Append("\" width=\"").Append(TrendChart.DefaultWidth).Append("\" height=\"").Append(TrendChart.DefaultHeight)
                    .Append("\" style=\"max-width:100%;height:auto;border:1px solid #ddd\"></p>");
                sb.Append("<p style=\"margin:2px 0;color:#444;font-size:13px\">Trend: ").Append(H(string.Join("; ", chart.Numbers))).Append("</p>");
            }

            sb.Append("<p style=\"margin:4px 0\"><a href=\"").Append(H(AlertText.Link(_options, e))).Append("\">View the alert</a></p></div>");
        }

        sb.Append("<p style=\"color:#666;font-size:12px\">Shares are import-share proxies computed from Eurostat Comext trade data, not shares of EU consumption.</p>");
        sb.Append("</body></html>");
        return sb.ToString();
    }

    private static string Intro(Notification n, int count)
    {
        var what = count == 1 ? "1 alert" : count + " alerts";
        var name = string.IsNullOrWhiteSpace(n.SubscriptionName) ? string.Empty : " for \"" + AlertText.Clean(n.SubscriptionName, 100) + "\"";
        return $"Supply concentration alerts{name}: {what} ({AlertText.WhyText(n.Reason)}).";
    }

    private static string H(string text) => WebUtility.HtmlEncode(text);
}
