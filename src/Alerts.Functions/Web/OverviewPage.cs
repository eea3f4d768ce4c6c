using System.Text;
using Alerts.Deliver.Charts;
using Alerts.Deliver.Rendering;
using Alerts.Pull.Catalog;
using static Alerts.Functions.Web.Html;

namespace Alerts.Functions.Web;

/// <summary>The overview: one row per strategic raw material against the CRMA's 65% and the 2,500 HHI lines.</summary>
internal static class OverviewPage
{
    public static readonly string[] SortKeys = ["name", "share", "hhi", "state"];

    public static IReadOnlyList<MaterialRow> Sort(IReadOnlyList<MaterialRow> rows, string sort, bool descending)
    {
        IOrderedEnumerable<MaterialRow> ordered = sort switch
        {
            "share" => rows.OrderBy(r => double.IsNaN(r.Cr1) ? 1 : 0).ThenBy(r => descending ? -r.Cr1 : r.Cr1),
            "hhi" => rows.OrderBy(r => double.IsNaN(r.Hhi) ? 1 : 0).ThenBy(r => descending ? -r.Hhi : r.Hhi),
            "state" => descending ? rows.OrderByDescending(r => r.State) : rows.OrderBy(r => r.State),
            _ => descending ? rows.OrderByDescending(r => r.Material.Name, StringComparer.OrdinalIgnoreCase) : rows.OrderBy(r => r.Material.Name, StringComparer.OrdinalIgnoreCase),
        };
        return [.. ordered.ThenBy(r => r.Material.Name, StringComparer.OrdinalIgnoreCase)];
    }

    public static string Body(IReadOnlyList<MaterialRow> rows, IReadOnlyList<string> reporters, string reporter, ProcessingStage? stage, string sort, bool descending, bool admin)
    {
        var sb = new StringBuilder();
        sb.Append("<h1>Strategic raw materials</h1>")
            .Append("<p>The largest third-country supplier's share of EU imports by weight, against the Critical Raw Materials Act's 65% benchmark, ")
            .Append("and the HHI against 2,500 (highly concentrated), for the latest stored period. A material shows its most concentrated series at the chosen stage.</p>");
        Filters(sb, reporters, reporter, stage, sort, descending);
        var firing = rows.Count(r => r.State == MaterialState.Firing);
        sb.Append("<table id=\"materials\"><caption>").Append(rows.Count).Append(" materials, ").Append(firing).Append(" with firing alerts")
            .Append(stage is null ? string.Empty : ", stage " + E(stage.ToString())).Append(", reporter ").Append(E(reporter)).Append("</caption><thead><tr>");
        Header(sb, "Material", "name", sort, descending, reporter, stage, numeric: false);
        sb.Append("<th scope=\"col\">Stage and series</th><th scope=\"col\">Top supplier</th>");
        Header(sb, "Top-supplier share", "share", sort, descending, reporter, stage, numeric: true);
        Header(sb, "HHI", "hhi", sort, descending, reporter, stage, numeric: true);
        sb.Append("<th scope=\"col\">Period</th>");
        Header(sb, "State", "state", sort, descending, reporter, stage, numeric: false);
        sb.Append("</tr></thead><tbody>");
        foreach (var row in rows)
        {
            Row(sb, row, reporter);
        }

        sb.Append("</tbody></table>");
        sb.Append("<p class=\"muted\">Shares are import-share proxies from Eurostat Comext, not shares of EU consumption. ")
            .Append("States, worst first: firing (an alert fires or is recovering), pending (a breach waits out its rule's <code>for</code>), ")
            .Append("ok (data, no alert), no data (nothing stored yet, or the lifecycle marks the headline series as without data).</p>");
        if (admin)
        {
            sb.Append("<h2>Administration</h2><p><a href=\"").Append(Root).Append("/admin\">Dead letters and recalculation</a>: ")
                .Append("start a recalculation and watch its status, see what the pipeline dead-lettered.</p>");
        }

        return sb.ToString();
    }

    private static void Filters(StringBuilder sb, IReadOnlyList<string> reporters, string reporter, ProcessingStage? stage, string sort, bool descending)
    {
        sb.Append("<form class=\"filters\" method=\"get\" action=\"").Append(Root).Append("\"><div><label for=\"stage\">Stage</label><select id=\"stage\" name=\"stage\">")
            .Append("<option value=\"\"").Append(stage is null ? " selected" : string.Empty).Append(">All stages</option>");
        foreach (var s in Enum.GetValues<ProcessingStage>())
        {
            sb.Append("<option value=\"").Append(E(s.ToString().ToLowerInvariant())).Append('"').Append(s == stage ? " selected" : string.Empty)
                .Append('>').Append(E(s.ToString())).Append("</option>");
        }

        sb.Append("</select></div><div><label for=\"reporter\">Reporter</label><select id=\"reporter\" name=\"reporter\">");
        foreach (var r in reporters)
        {
            sb.Append("<option value=\"").Append(E(r)).Append('"').Append(r == reporter ? " selected" : string.Empty).Append('>')
                .Append(E(r == "EU27_2020" ? "EU (27 member states)" : r)).Append("</option>");
        }

        sb.Append("</select></div><input type=\"hidden\" name=\"sort\" value=\"").Append(E(sort)).Append("\">")
            .Append("<input type=\"hidden\" name=\"dir\" value=\"").Append(descending ? "desc" : "asc").Append("\">")
            .Append("<button type=\"submit\">Apply filters</button></form>");
    }

    // Sorting is a link per column (no script): the current column says its direction with aria-sort.
    private static void Header(StringBuilder sb, string text, string key, string sort, bool descending, string reporter, ProcessingStage? stage, bool numeric)
    {
        var current = key == sort;
        var nextDescending = current ? !descending : key is "share" or "hhi";
        var href = Root + "?sort=" + key + "&dir=" + (nextDescending ? "desc" : "asc") + "&reporter=" + Q(reporter)
            + (stage is null ? string.Empty : "&stage=" + Q(stage.ToString()!.ToLowerInvariant()));
        sb.Append("<th scope=\"col\"").Append(numeric ? " class=\"num\"" : string.Empty)
            .Append(current ? (descending ? " aria-sort=\"descending\"" : " aria-sort=\"ascending\"") : string.Empty)
            .Append("><a class=\"sort\" href=\"").Append(E(href)).Append("\">").Append(E(text))
            .Append(current ? (descending ? " <span aria-hidden=\"true\">&#9660;</span>" : " <span aria-hidden=\"true\">&#9650;</span>") : string.Empty)
            .Append("<span class=\"sr\"> (sort ").Append(nextDescending ? "descending" : "ascending").Append(")</span></a></th>");
    }

    private static void Row(StringBuilder sb, MaterialRow row, string reporter)
    {
        var h = row.Headline;
        var latest = h?.Latest?.Indices;
        sb.Append("<tr data-material=\"").Append(E(row.Material.Id)).Append("\"><th scope=\"row\"><a href=\"").Append(Root).Append("/materials/")
            .Append(E(Q(row.Material.Id))).Append("?reporter=").Append(E(Q(reporter)))
            .Append(h is null ? string.Empty : "&amp;series=" + E(Q(h.Product))).Append("\">").Append(E(row.Material.Name)).Append("</a></th>");
        sb.Append("<td>").Append(h is null ? "<span class=\"muted\">not pulled yet</span>" : E(h.Label)).Append("</td>");
        sb.Append("<td>").Append(E(latest?.Indices.TopSupplier is { } top ? CountryNames.Of(top) + " (" + top + ")" : "-")).Append("</td>");
        var over = row.Cr1 > TrendChart.CrmaShareLimit;
        sb.Append("<td class=\"num").Append(over ? " over" : string.Empty).Append("\">").Append(E(Percent(row.Cr1)))
            .Append(over ? " <span class=\"sr\">(above 65%)</span>" : string.Empty).Append("</td>");
        var high = row.Hhi > TrendChart.HighHhi;
        sb.Append("<td class=\"num").Append(high ? " over" : string.Empty).Append("\">").Append(E(Number(row.Hhi)))
            .Append(high ? " <span class=\"sr\">(above 2,500)</span>" : string.Empty).Append("</td>");
        sb.Append("<td>").Append(E(latest?.Period.ToString() ?? "-")).Append("</td>");
        sb.Append("<td><span class=\"").Append(row.State.CssClass()).Append("\">").Append(E(row.State.Name())).Append("</span>")
            .Append(row.Firing > 1 ? " (" + row.Firing + ")" : string.Empty).Append("</td></tr>");
    }
}
