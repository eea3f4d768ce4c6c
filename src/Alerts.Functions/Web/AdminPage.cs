using System.Globalization;
using System.Text;
using System.Text.Json;
using Alerts.Functions.Pull.Recalculations;
using Alerts.Platform.Bus.DeadLetters;
using Alerts.Pull.Catalog;
using static Alerts.Functions.Web.Html;

namespace Alerts.Functions.Web;

/// <summary>One dead-letter queue as the admin page lists it: its dead letters, or why they could not be read.</summary>
public sealed record DeadLetterListing(DeadLetterQueue Queue, IReadOnlyList<DeadLetter> Messages, string? Error);

/// <summary>The administration page (role <c>Alerts.Admin</c>): dead letters, a recalculation form, and one recalculation's status.</summary>
internal static class AdminPage
{
    /// <summary>At most this many dead letters per queue on the page (the API lists up to 1,000 with filters).</summary>
    public const int MaxDeadLetters = 50;

    public static string Body(IReadOnlyList<DeadLetterListing> queues, IReadOnlyList<Commodity> materials, string token, string? error)
    {
        var sb = new StringBuilder();
        sb.Append("<h1>Administration</h1>");
        RecalculationForm(sb, materials, token, error);
        sb.Append("<h2 id=\"deadletters\">Dead letters</h2><p>Messages the pipeline gave up on, per topic subscription, oldest first (at most ")
            .Append(MaxDeadLetters).Append(" each; bodies are not shown, they hold targets). Resubmit or purge them with <code>/api/deadletters</code>.</p>");
        foreach (var listing in queues)
        {
            DeadLetters(sb, listing);
        }

        return sb.ToString();
    }

    public static string Status(RecalculationRun run, bool requested)
    {
        var sb = new StringBuilder();
        sb.Append("<p><a href=\"").Append(Root).Append("/admin\">&larr; Administration</a></p><h1>Recalculation ").Append(E(run.Id)).Append("</h1>");
        if (requested)
        {
            sb.Append("<p class=\"notice\">Recalculation requested: the worker starts it within seconds.</p>");
        }

        var finished = run.Status is RecalculationStatus.Succeeded or RecalculationStatus.Failed;
        sb.Append("<dl class=\"run\"><dt>Status</dt><dd id=\"run-status\"><span class=\"state state-").Append(E(Name(run.Status))).Append("\">")
            .Append(E(Name(run.Status))).Append("</span></dd>")
            .Append("<dt>Scope</dt><dd>").Append(E(ScopeText(run))).Append(run.Force ? " (forced)" : string.Empty).Append("</dd>")
            .Append("<dt>Requested</dt><dd>").Append(E(Time(run.RequestedAt))).Append("</dd>")
            .Append("<dt>Started</dt><dd>").Append(E(Time(run.StartedAt))).Append("</dd>")
            .Append("<dt>Finished</dt><dd>").Append(E(Time(run.FinishedAt))).Append("</dd>");
        if (run.Error is { Length: > 0 } error)
        {
            sb.Append("<dt>Error</dt><dd>").Append(E(error)).Append("</dd>");
        }

        sb.Append("</dl>");
        if (!finished)
        {
            // No script on these pages: the status is watched by reloading it.
            sb.Append("<p><a id=\"refresh\" href=\"").Append(Root).Append("/admin/recalculations/").Append(E(Q(run.Id)))
                .Append("\">Refresh status</a> (queued and running runs change within seconds).</p>");
        }

        if (run.Report is { } report)
        {
            Report(sb, report);
        }

        return sb.ToString();
    }

    public static string Name(RecalculationStatus status) => status.ToString().ToLowerInvariant();

    private static void RecalculationForm(StringBuilder sb, IReadOnlyList<Commodity> materials, string token, string? error)
    {
        sb.Append("<h2>Recalculate</h2><p>Pull, compute and evaluate again, after a data release or a change of rules; alerts that change are routed and delivered as usual.</p>")
            .Append("<form method=\"post\" action=\"").Append(Root).Append("/admin/recalculations\">")
            .Append("<input type=\"hidden\" name=\"").Append(WebFormTokens.FieldName).Append("\" value=\"").Append(E(token)).Append("\">");
        if (error is not null)
        {
            sb.Append("<p class=\"error\" id=\"commodity-error\">").Append(E(error)).Append("</p>");
        }

        sb.Append("<div><label for=\"commodity\">Material</label><select id=\"commodity\" name=\"commodity\"")
            .Append(error is null ? string.Empty : " aria-invalid=\"true\" aria-describedby=\"commodity-error\"").Append("><option value=\"\">All materials</option>");
        foreach (var m in materials)
        {
            sb.Append("<option value=\"").Append(E(m.Id)).Append("\">").Append(E(m.Name)).Append("</option>");
        }

        sb.Append("</select></div><div class=\"check\"><input type=\"checkbox\" id=\"force\" name=\"force\" value=\"true\"><label for=\"force\">Force (recompute series whose data did not change)</label></div>")
            .Append("<button type=\"submit\">Start recalculation</button></form>");
    }

    private static void DeadLetters(StringBuilder sb, DeadLetterListing listing)
    {
        var name = listing.Queue.ToString();
        if (listing.Error is not null)
        {
            sb.Append("<h3>").Append(E(name)).Append("</h3><p class=\"error\">").Append(E(listing.Error)).Append("</p>");
            return;
        }

        sb.Append("<table class=\"deadletters\" data-queue=\"").Append(E(name)).Append("\"><caption>").Append(E(name)).Append(": ")
            .Append(listing.Messages.Count).Append(listing.Messages.Count == 1 ? " dead letter" : " dead letters").Append("</caption>");
        if (listing.Messages.Count == 0)
        {
            sb.Append("</table>");
            return;
        }

        sb.Append("<thead><tr><th scope=\"col\">Sequence</th><th scope=\"col\">Reason</th><th scope=\"col\">Description</th><th scope=\"col\">Enqueued</th>")
            .Append("<th scope=\"col\">Subscription</th><th scope=\"col\">Correlation id</th><th scope=\"col\" class=\"num\">Deliveries</th></tr></thead><tbody>");
        foreach (var d in listing.Messages)
        {
            sb.Append("<tr data-message-id=\"").Append(E(d.MessageId)).Append("\"><td>").Append(d.SequenceNumber.ToString(CultureInfo.InvariantCulture))
                .Append("</td><td>").Append(E(d.Reason ?? "-")).Append("</td><td>").Append(E(d.Description ?? "-"))
                .Append("</td><td>").Append(E(Time(d.EnqueuedTime))).Append("</td><td>").Append(E(d.SubscriptionId ?? "-"))
                .Append("</td><td>").Append(E(d.CorrelationId ?? "-")).Append("</td><td class=\"num\">").Append(d.DeliveryCount.ToString(CultureInfo.InvariantCulture)).Append("</td></tr>");
        }

        sb.Append("</tbody></table>");
    }

    // The report is RecalculationResult as JSON: per-status product counts and the alert changes.
    private static void Report(StringBuilder sb, JsonElement report)
    {
        sb.Append("<h2>Report</h2>");
        if (report.ValueKind == JsonValueKind.Object && report.TryGetProperty("summary", out var summary) && summary.ValueKind == JsonValueKind.Object)
        {
            sb.Append("<table id=\"run-summary\"><caption>Products by outcome</caption><thead><tr><th scope=\"col\">Outcome</th><th scope=\"col\" class=\"num\">Products</th></tr></thead><tbody>");
            foreach (var p in summary.EnumerateObject())
            {
                sb.Append("<tr><th scope=\"row\">").Append(E(p.Name)).Append("</th><td class=\"num\">").Append(E(p.Value.ToString())).Append("</td></tr>");
            }

            sb.Append("</tbody></table>");
        }

        var changes = report.ValueKind == JsonValueKind.Object && report.TryGetProperty("alertChanges", out var c) && c.ValueKind == JsonValueKind.Array ? c.GetArrayLength() : 0;
        sb.Append("<p>").Append(changes).Append(changes == 1 ? " alert changed state." : " alerts changed state.").Append("</p>");
    }

    private static string ScopeText(RecalculationRun run) =>
        run.Products.Count == 0 && run.Commodities.Count == 0
            ? "every configured product"
            : string.Join(", ", run.Commodities.Concat(run.Products));
}
