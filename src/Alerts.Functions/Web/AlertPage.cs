using System.Text;
using Alerts.Deliver.Rendering;
using Alerts.Evaluate.Lifecycle;
using Alerts.Pull.Catalog;
using Alerts.Pull.Statistics;
using static Alerts.Functions.Web.Html;

namespace Alerts.Functions.Web;

/// <summary>
/// One alert for a person, the page every link in a mail or card opens: what it says, its state and history (the
/// periods it fired on, with the value and data vintage seen), the other alerts on the same series, and the way to
/// its material's page (trend charts, suppliers). Programs read the same alert as JSON from <c>/api/alerts/{fingerprint}</c>.
/// </summary>
internal static class AlertPage
{
    /// <summary>The longest fingerprint looked up (real ones are 32 hex characters).</summary>
    public const int MaxFingerprintLength = 128;

    public static bool IsFingerprint(string? text) =>
        !string.IsNullOrWhiteSpace(text) && text.Length <= MaxFingerprintLength && !text.Any(char.IsControl);

    /// <summary>The requested fingerprint as a not-found page may repeat it: without control characters, clipped.</summary>
    public static string Clip(string? text) => AlertText.Clean(text, 80);

    /// <summary>E.g. <c>Largest third country's share of imports: rare-earth permanent magnets</c>.</summary>
    public static string Title(AlertRecord alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var label = AlertText.MetricLabel(alert.Metric);
        label = label.Length == 0 ? label : char.ToUpperInvariant(label[0]) + label[1..];
        return label + ": " + (string.IsNullOrWhiteSpace(alert.CommodityName) ? alert.Product : alert.CommodityName);
    }

    /// <param name="others">The other alerts kept for the same reporter and product (any rule, basis or state but inactive).</param>
    /// <param name="materials">The catalog materials the alert's product is a series of (usually one).</param>
    public static string Body(AlertRecord alert, IReadOnlyList<AlertRecord> others, IReadOnlyList<Commodity> materials)
    {
        ArgumentNullException.ThrowIfNull(alert);
        ArgumentNullException.ThrowIfNull(others);
        ArgumentNullException.ThrowIfNull(materials);
        var sb = new StringBuilder();
        sb.Append("<p><a href=\"").Append(Root).Append("\">&larr; All materials</a></p>");
        sb.Append("<h1>").Append(E(Title(alert))).Append("</h1>");
        var value = AlertText.FormatValue(alert.Metric, alert.Value);
        var threshold = AlertText.FormatValue(alert.Metric, alert.Threshold);
        sb.Append("<p id=\"alert-summary\">").Append(State(alert)).Append(' ').Append(E(alert.Severity)).Append(": ")
            .Append(E(value)).Append(" in ").Append(E(alert.Period.ToString())).Append(", ").Append(alert.Value >= alert.Threshold ? "above" : "below")
            .Append(" the threshold of ").Append(E(threshold)).Append(" (").Append(E(Series(alert))).Append(").</p>");

        foreach (var material in materials)
        {
            sb.Append("<p><a class=\"material-link\" href=\"").Append(E(MaterialHref(material, alert))).Append("\">")
                .Append(E(material.Name)).Append(": trend charts, suppliers and every alert of the material</a></p>");
        }

        Facts(sb, alert);
        History(sb, alert);
        SeriesAlerts(sb, others);
        return sb.ToString();
    }

    /// <summary>The material page showing the alert's series and basis.</summary>
    public static string MaterialHref(Commodity material, AlertRecord alert)
    {
        ArgumentNullException.ThrowIfNull(material);
        ArgumentNullException.ThrowIfNull(alert);
        return Root + "/materials/" + Q(material.Id) + "?reporter=" + Q(alert.Reporter) + "&series=" + Q(alert.Product)
            + "&basis=" + (alert.Basis == Basis.Value ? "value" : "weight");
    }

    public static string Href(AlertRecord alert) => Root + "/alerts/" + Q(alert?.Fingerprint);

    private static void Facts(StringBuilder sb, AlertRecord a)
    {
        sb.Append("<h2>The alert</h2><table id=\"alert-facts\"><tbody>");
        Row(sb, "Rule", a.RuleId);
        Row(sb, "Severity", a.Severity);
        Row(sb, "State", a.DisplayState);
        Row(sb, "Series", Series(a));
        Row(sb, "Metric", AlertText.MetricLabel(a.Metric));
        Row(sb, "Latest period evaluated", a.Period.ToString());
        Row(sb, "Value", AlertText.FormatValue(a.Metric, a.Value));
        Row(sb, "Threshold", AlertText.FormatValue(a.Metric, a.Threshold));
        Row(sb, "Data vintage", a.Vintage);
        Row(sb, "Fired", Time(a.FiredAt));
        Row(sb, "Resolved", a.State == AlertStatus.Resolved ? Time(a.ResolvedAt) : "-");
        if (a.Since is { } since)
        {
            Row(sb, a.State == AlertStatus.Recovering ? "Clear since" : "Breaching since", since.ToString());
        }

        if (a.NoDataAt is { } noData)
        {
            Row(sb, "No data since", Time(noData) + (a.LastDataPeriod is { } last ? " (last data " + last + ")" : string.Empty));
        }

        sb.Append("</tbody></table>");
    }

    private static void History(StringBuilder sb, AlertRecord a)
    {
        sb.Append("<h2>History</h2>");
        if (a.AlertedPeriods.Count == 0)
        {
            sb.Append("<p>The alert has not fired on any period yet.</p>");
            return;
        }

        sb.Append("<table id=\"alerted-periods\"><caption>The periods the alert fired on, newest first, with the value and data vintage it was raised on</caption>")
            .Append("<thead><tr><th scope=\"col\">Period</th><th scope=\"col\" class=\"num\">Value</th><th scope=\"col\">Vintage</th></tr></thead><tbody>");
        foreach (var (period, seen) in a.AlertedPeriods.OrderByDescending(p => p.Key))
        {
            sb.Append("<tr><th scope=\"row\">").Append(E(period.ToString())).Append("</th><td class=\"num\">").Append(E(AlertText.FormatValue(a.Metric, seen.Value)))
                .Append("</td><td>").Append(E(seen.Vintage)).Append("</td></tr>");
        }

        sb.Append("</tbody></table>");
    }

    private static void SeriesAlerts(StringBuilder sb, IReadOnlyList<AlertRecord> others)
    {
        sb.Append("<h2>Other alerts on this series</h2>");
        if (others.Count == 0)
        {
            sb.Append("<p>None.</p>");
            return;
        }

        sb.Append("<table id=\"series-alerts\"><thead><tr><th scope=\"col\">Alert</th><th scope=\"col\">Severity</th><th scope=\"col\">State</th>")
            .Append("<th scope=\"col\" class=\"num\">Value</th><th scope=\"col\" class=\"num\">Threshold</th><th scope=\"col\">Period</th></tr></thead><tbody>");
        foreach (var o in others)
        {
            sb.Append("<tr><th scope=\"row\"><a href=\"").Append(E(Href(o))).Append("\">").Append(E(AlertText.MetricLabel(o.Metric))).Append(" (").Append(E(o.RuleId))
                .Append(", ").Append(E(Name(o.Basis))).Append(")</a></th><td>").Append(E(o.Severity)).Append("</td><td>").Append(State(o)).Append("</td><td class=\"num\">")
                .Append(E(AlertText.FormatValue(o.Metric, o.Value))).Append("</td><td class=\"num\">").Append(E(AlertText.FormatValue(o.Metric, o.Threshold)))
                .Append("</td><td>").Append(E(o.Period.ToString())).Append("</td></tr>");
        }

        sb.Append("</tbody></table>");
    }

    private static string Series(AlertRecord a) =>
        CountryNames.Of(a.Reporter) + " " + (a.Flow == TradeFlow.Export ? "exports" : "imports") + " of " + a.Product + ", by " + Name(a.Basis);

    private static string Name(Basis basis) => basis == Basis.Value ? "value" : "weight";

    private static string State(AlertRecord a) =>
        "<span class=\"state state-" + E(a.DisplayState.ToLowerInvariant()) + "\">" + E(a.DisplayState) + "</span>";

    private static void Row(StringBuilder sb, string name, string value) =>
        sb.Append("<tr><th scope=\"row\">").Append(E(name)).Append("</th><td>").Append(E(value)).Append("</td></tr>");
}
