using System.Text;
using Alerts.Compute.Engine;
using Alerts.Deliver.Charts;
using Alerts.Deliver.Rendering;
using Alerts.Evaluate.Lifecycle;
using Alerts.Pull.Statistics;
using static Alerts.Functions.Web.Html;

namespace Alerts.Functions.Web;

/// <summary>A material: its trend charts (rendered on the server, the same charts as in mails), suppliers and alerts.</summary>
internal static class MaterialPage
{
    public static string Body(MaterialDetails d)
    {
        var sb = new StringBuilder();
        sb.Append("<p><a href=\"").Append(Root).Append("\">&larr; All materials</a></p>");
        sb.Append("<h1>").Append(E(d.Material.Name)).Append("</h1>");
        if (!string.IsNullOrWhiteSpace(d.Material.Note))
        {
            sb.Append("<p class=\"muted\">").Append(E(d.Material.Note)).Append("</p>");
        }

        Picker(sb, d);
        if (d.Selected is null || d.Trend is null)
        {
            sb.Append("<p>No series of this material has stored indices for reporter ").Append(E(d.Reporter))
                .Append(" yet: its products are not in the pull's scope, or the first pull has not run.</p>");
        }
        else
        {
            Charts(sb, d, d.Trend);
            Numbers(sb, d.Trend, d.Revised.Count > 0);
            Suppliers(sb, d);
        }

        Alerts(sb, d);
        return sb.ToString();
    }

    private static void Picker(StringBuilder sb, MaterialDetails d)
    {
        var withData = d.Series.Where(s => s.Latest is not null).ToList();
        if (withData.Count == 0)
        {
            return;
        }

        sb.Append("<form class=\"filters\" method=\"get\" action=\"").Append(Root).Append("/materials/").Append(E(Q(d.Material.Id))).Append("\">")
            .Append("<input type=\"hidden\" name=\"reporter\" value=\"").Append(E(d.Reporter)).Append("\">")
            .Append("<div><label for=\"series\">Series</label><select id=\"series\" name=\"series\">");
        foreach (var s in withData)
        {
            sb.Append("<option value=\"").Append(E(s.Product)).Append('"').Append(s == d.Selected ? " selected" : string.Empty).Append('>').Append(E(s.Label)).Append("</option>");
        }

        sb.Append("</select></div><div><label for=\"basis\">Basis</label><select id=\"basis\" name=\"basis\">")
            .Append(Option("weight", "By weight", d.Basis == Basis.Weight)).Append(Option("value", "By value", d.Basis == Basis.Value))
            .Append("</select></div><div><label for=\"window\">Window</label><select id=\"window\" name=\"window\">")
            .Append(Option("published", "Published periods", d.Window == IndexSelection.Published))
            .Append(Option("rolling12", "Rolling 12 months (monthly data)", d.Window == IndexSelection.Rolling12))
            .Append("</select></div><button type=\"submit\">Show</button></form>");
    }

    private static void Charts(StringBuilder sb, MaterialDetails d, TrendSeries trend)
    {
        sb.Append("<h2>Trend</h2>");
        if (trend.Points.Count == 0)
        {
            sb.Append("<p>No stored rows for this basis and window.</p>");
            return;
        }

        sb.Append("<div class=\"charts\">");
        foreach (var kind in new[] { ChartKind.Share, ChartKind.Hhi })
        {
            var chart = new ChartRequest(d.Reporter, d.Selected!.Product, d.Basis, d.Window, kind);
            sb.Append("<figure><img id=\"chart-").Append(kind.ToName()).Append("\" src=\"").Append(E(Root + "/charts/trend.png?" + chart.Query)).Append("\" alt=\"")
                .Append(E(TrendChart.AltText(trend, kind))).Append("\" width=\"").Append(TrendChart.DefaultWidth).Append("\" height=\"").Append(TrendChart.DefaultHeight)
                .Append("\"><figcaption>").Append(kind == ChartKind.Share
                    ? "Top supplier and top three suppliers' shares; the dashed line is the CRMA's 65%."
                    : "HHI; the dashed line is 2,500 (highly concentrated).")
                .Append(d.Revised.Count > 0 ? " Periods marked * were revised after an alert." : string.Empty).Append("</figcaption></figure>");
        }

        sb.Append("</div>");
    }

    private static void Numbers(StringBuilder sb, TrendSeries trend, bool anyRevised)
    {
        if (trend.Points.Count == 0)
        {
            return;
        }

        sb.Append("<table id=\"trend\"><caption>The trend in numbers, ").Append(E(trend.Measure.Length == 0 ? "by weight" : trend.Measure)).Append(", newest first")
            .Append(anyRevised ? "; * = revised after an alert" : string.Empty).Append("</caption><thead><tr><th scope=\"col\">Period</th><th scope=\"col\">Top supplier</th>")
            .Append("<th scope=\"col\" class=\"num\">Top-supplier share</th><th scope=\"col\" class=\"num\">Top 3 share</th><th scope=\"col\" class=\"num\">HHI</th></tr></thead><tbody>");
        foreach (var p in trend.Points.Reverse())
        {
            sb.Append("<tr><th scope=\"row\">").Append(E(p.Period.ToString())).Append(p.Revised ? " *" : string.Empty).Append("</th><td>")
                .Append(E(p.TopSupplier is null ? "-" : CountryNames.Of(p.TopSupplier))).Append("</td><td class=\"num")
                .Append(p.Cr1 > TrendChart.CrmaShareLimit ? " over" : string.Empty).Append("\">").Append(E(Percent(p.Cr1))).Append("</td><td class=\"num\">")
                .Append(E(Percent(p.Cr3))).Append("</td><td class=\"num").Append(p.Hhi > TrendChart.HighHhi ? " over" : string.Empty).Append("\">")
                .Append(E(Number(p.Hhi))).Append("</td></tr>");
        }

        sb.Append("</tbody></table>");
    }

    private static void Suppliers(StringBuilder sb, MaterialDetails d)
    {
        if (d.Latest is not { } latest)
        {
            return;
        }

        var i = latest.Indices;
        sb.Append("<h2>Top suppliers, ").Append(E(i.Period.ToString())).Append("</h2><table id=\"suppliers\"><caption>")
            .Append(i.Indices.Suppliers).Append(" third-country suppliers, ").Append(E(d.Basis == Basis.Weight ? "by weight (kg)" : "by value"))
            .Append("</caption><thead><tr><th scope=\"col\">Country</th><th scope=\"col\" class=\"num\">Share</th><th scope=\"col\" class=\"num\">Amount</th></tr></thead><tbody>");
        foreach (var s in i.Indices.TopSuppliers.Take(10))
        {
            sb.Append("<tr><th scope=\"row\">").Append(E(CountryNames.Of(s.Partner))).Append(" (").Append(E(s.Partner)).Append(")</th><td class=\"num\">")
                .Append(E(Percent(s.Share))).Append("</td><td class=\"num\">").Append(E(Number((double)s.Amount))).Append("</td></tr>");
        }

        sb.Append("</tbody></table>");
    }

    private static void Alerts(StringBuilder sb, MaterialDetails d)
    {
        var firing = d.Alerts.Where(a => a.State == AlertStatus.Firing).ToList();
        sb.Append("<h2>Firing alerts</h2>");
        if (firing.Count == 0)
        {
            sb.Append("<p>None.</p>");
        }
        else
        {
            AlertTable(sb, "firing-alerts", firing);
        }

        sb.Append("<h2>Alert history</h2>");
        if (d.Alerts.Count == 0)
        {
            sb.Append("<p>No alert has fired on this material's series.</p>");
            return;
        }

        AlertTable(sb, "alert-history", d.Alerts);
    }

    // Each alert's rule links to the alert's own page (its periods, revisions, the other alerts on the series).
    private static void AlertTable(StringBuilder sb, string id, IReadOnlyList<AlertRecord> alerts)
    {
        sb.Append("<table id=\"").Append(id).Append("\"><thead><tr><th scope=\"col\">Rule</th><th scope=\"col\">Series</th><th scope=\"col\">State</th>")
            .Append("<th scope=\"col\" class=\"num\">Value</th><th scope=\"col\" class=\"num\">Threshold</th><th scope=\"col\">Fired</th><th scope=\"col\">Resolved</th>")
            .Append("<th scope=\"col\">Alerted periods (value, vintage)</th></tr></thead><tbody>");
        foreach (var a in alerts)
        {
            var state = a.State == AlertStatus.Firing ? "firing" : "resolved";
            sb.Append("<tr><th scope=\"row\"><a href=\"").Append(E(AlertPage.Href(a))).Append("\">").Append(E(a.RuleId)).Append("</a></th><td>").Append(E(a.Product)).Append(", ").Append(E(a.Basis.ToString().ToLowerInvariant()))
                .Append(", ").Append(E(a.Period.ToString())).Append("</td><td><span class=\"state state-").Append(state).Append("\">").Append(state).Append("</span></td><td class=\"num\">")
                .Append(E(AlertText.FormatValue(a.Metric, a.Value))).Append("</td><td class=\"num\">").Append(E(AlertText.FormatValue(a.Metric, a.Threshold)))
                .Append("</td><td>").Append(E(Time(a.FiredAt))).Append("</td><td>").Append(E(a.State == AlertStatus.Resolved ? Time(a.ResolvedAt) : "-")).Append("</td><td>")
                .Append(E(string.Join("; ", a.AlertedPeriods.OrderByDescending(p => p.Key).Take(6)
                    .Select(p => p.Key + ": " + AlertText.FormatValue(a.Metric, p.Value.Value) + " (" + p.Value.Vintage + ")"))))
                .Append("</td></tr>");
        }

        sb.Append("</tbody></table>");
    }

    private static string Option(string value, string text, bool selected) =>
        "<option value=\"" + E(value) + "\"" + (selected ? " selected" : string.Empty) + ">" + E(text) + "</option>";
}
