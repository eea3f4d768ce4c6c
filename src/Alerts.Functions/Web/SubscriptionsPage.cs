using System.Text;
using System.Text.Json;
using Alerts.Route.Subscriptions;
using static Alerts.Functions.Web.Html;

namespace Alerts.Functions.Web;

/// <summary>My subscriptions: each with its status and actions, then the form for a new one.</summary>
internal static class SubscriptionsPage
{
    /// <summary>Notices after an action, by code: the query string names a code, never text to show.</summary>
    public static readonly IReadOnlyDictionary<string, string> Notices = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["created"] = "Subscription created. An email subscription is pending until you confirm the mail sent to it.",
        ["updated"] = "Subscription saved.",
        ["tested"] = "Test notification queued: it arrives in a few seconds and shows in the delivery history.",
        ["paused"] = "Subscription paused: nothing is sent until you resume it.",
        ["resumed"] = "Subscription resumed.",
        ["deleted"] = "Subscription deleted.",
        ["verification"] = "A new verification mail is on its way.",
    };

    public static string Body(IReadOnlyList<SubscriptionView> subscriptions, string? notice, string token, string form)
    {
        var sb = new StringBuilder();
        sb.Append("<h1>My subscriptions</h1>");
        if (notice is not null && Notices.TryGetValue(notice, out var text))
        {
            sb.Append("<div class=\"notice\" role=\"status\">").Append(E(text)).Append("</div>");
        }

        if (subscriptions.Count == 0)
        {
            sb.Append("<p>You have no subscriptions yet.</p>");
        }
        else
        {
            sb.Append("<table id=\"subscriptions\"><caption>").Append(subscriptions.Count == 1 ? "1 subscription" : subscriptions.Count + " subscriptions").Append("; targets are shown redacted</caption><thead><tr>")
                .Append("<th scope=\"col\">Name</th><th scope=\"col\">Channel and target</th><th scope=\"col\">What</th><th scope=\"col\">Status</th><th scope=\"col\">Actions</th></tr></thead><tbody>");
            foreach (var s in subscriptions)
            {
                Row(sb, s, token);
            }

            sb.Append("</tbody></table>");
        }

        sb.Append("<h2 id=\"new\">New subscription</h2>").Append(form);
        return sb.ToString();
    }

    public static string StatusName(SubscriptionStatus status) => JsonNamingPolicy.CamelCase.ConvertName(status.ToString());

    private static void Row(StringBuilder sb, SubscriptionView s, string token)
    {
        var status = StatusName(s.Status);
        var label = string.IsNullOrWhiteSpace(s.Name) ? s.Id : s.Name;
        sb.Append("<tr data-subscription=\"").Append(E(s.Id)).Append("\"><th scope=\"row\">").Append(E(label)).Append("</th><td>").Append(E(s.Channel)).Append(": ")
            .Append(E(s.Target)).Append("</td><td>").Append(E(Filter(s))).Append("</td><td><span class=\"state state-").Append(E(status.ToLowerInvariant())).Append("\">")
            .Append(E(status)).Append("</span>");
        if (s.PauseReason is not null)
        {
            sb.Append("<br><span class=\"muted\">").Append(E(s.PauseReason)).Append(" (").Append(E(Time(s.PausedAt))).Append(")</span>");
        }

        sb.Append("</td><td class=\"actions\"><a href=\"").Append(Root).Append("/subscriptions/").Append(E(Q(s.Id))).Append("/edit\">Edit<span class=\"sr\"> ")
            .Append(E(label)).Append("</span></a> ");
        if (s.Status == SubscriptionStatus.Active)
        {
            Action(sb, s.Id, "test", "Send test", label, token, "secondary");
            Action(sb, s.Id, "pause", "Pause", label, token, "secondary");
        }
        else if (s.Status == SubscriptionStatus.Paused)
        {
            Action(sb, s.Id, "resume", "Resume", label, token, "secondary");
        }
        else if (s.Status == SubscriptionStatus.PendingVerification)
        {
            Action(sb, s.Id, "verification", "Resend verification", label, token, "secondary");
        }

        Action(sb, s.Id, "delete", "Delete", label, token, "danger");
        sb.Append("</td></tr>");
    }

    private static void Action(StringBuilder sb, string id, string action, string text, string label, string token, string style) =>
        sb.Append("<form method=\"post\" action=\"").Append(Root).Append("/subscriptions/").Append(E(Q(id))).Append('/').Append(action).Append("\">")
            .Append("<input type=\"hidden\" name=\"").Append(WebFormTokens.FieldName).Append("\" value=\"").Append(E(token)).Append("\">")
            .Append("<button type=\"submit\" class=\"").Append(style).Append("\">").Append(E(text)).Append("<span class=\"sr\"> ").Append(E(label)).Append("</span></button></form>");

    private static string Filter(SubscriptionView s)
    {
        var f = s.Filter;
        var parts = new List<string>
        {
            f.Commodities.Count == 0 ? "all materials" : string.Join(", ", f.Commodities),
            f.MinSeverity.ToString().ToLowerInvariant() + " or worse",
        };
        if (f.Reporters.Count > 0)
        {
            parts.Add("reporters " + string.Join(", ", f.Reporters));
        }

        if (f.RuleIds.Count > 0)
        {
            parts.Add("rules " + string.Join(", ", f.RuleIds));
        }

        parts.Add("grouped by " + s.GroupBy + ", repeat " + s.RepeatInterval);
        return string.Join("; ", parts);
    }
}
