using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Alerts.Route.Subscriptions;
using Microsoft.AspNetCore.Http;
using static Alerts.Functions.Web.Html;

namespace Alerts.Functions.Web;

/// <summary>
/// The subscription form: its fields are the API's request members (lists as comma-separated text), it becomes the
/// same <see cref="SubscriptionRequest"/> (create) or JSON merge patch (edit), and shows the validator's own
/// messages, the ones the API's problem details carry, beside each field.
/// </summary>
internal sealed record SubscriptionForm(IReadOnlyDictionary<string, string> Values)
{
    /// <summary>(field = API member, label, hint, list?)</summary>
    public static readonly (string Field, string Label, string Hint, bool List)[] Fields =
    [
        ("name", "Name", "Optional, shown in every message.", false),
        ("channel", "Channel", "Email, or a Microsoft Teams channel through a Workflows webhook.", false),
        ("target", "Email address or webhook URL", "Email subscriptions get a verification mail first.", false),
        ("commodities", "Materials", "Commodity ids (rare-earths, graphite/ore) or product codes, separated by commas; empty = all.", true),
        ("reporters", "Reporters", "e.g. EU27_2020; empty = all.", true),
        ("ruleIds", "Rules", "e.g. crma-single-country, hhi-high; empty = all.", true),
        ("minSeverity", "Lowest severity", "info, warning or critical.", false),
        ("states", "States", "firing, resolved; empty = both.", true),
        ("groupBy", "Group by", "commodity (default), reporter, rule, none or all.", false),
        ("repeatInterval", "Repeat interval", "e.g. 4h, 1d or PT4H; default 24 hours.", false),
    ];

    public static SubscriptionForm Empty { get; } = new(new Dictionary<string, string> { ["channel"] = "email", ["minSeverity"] = "warning" });

    public static SubscriptionForm From(IFormCollection form) =>
        new(Fields.ToDictionary(f => f.Field, f => form[f.Field].ToString().Trim(), StringComparer.Ordinal));

    public static SubscriptionForm From(SubscriptionView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return new(new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["name"] = view.Name ?? string.Empty,
            ["channel"] = view.Channel,
            ["target"] = string.Empty, // the stored target is a secret: left empty, it stays as it is
            ["commodities"] = string.Join(", ", view.Filter.Commodities),
            ["reporters"] = string.Join(", ", view.Filter.Reporters),
            ["ruleIds"] = string.Join(", ", view.Filter.RuleIds),
            ["minSeverity"] = view.Filter.MinSeverity.ToString().ToLowerInvariant(),
            ["states"] = string.Join(", ", view.Filter.States.Select(s => s.ToString().ToLowerInvariant())),
            ["groupBy"] = view.GroupBy,
            ["repeatInterval"] = view.RepeatInterval,
        });
    }

    public string this[string field] => Values.GetValueOrDefault(field, string.Empty);

    public SubscriptionRequest ToRequest() => new()
    {
        Name = Text("name"),
        Channel = Text("channel"),
        Target = Text("target"),
        Commodities = List("commodities"),
        Reporters = List("reporters"),
        RuleIds = List("ruleIds"),
        MinSeverity = Text("minSeverity"),
        States = List("states"),
        GroupBy = Text("groupBy"),
        RepeatInterval = Text("repeatInterval"),
    };

    /// <summary>The edit as a JSON merge patch: an empty field resets its member; an empty target keeps the stored one.</summary>
    public JsonElement ToMergePatch()
    {
        var patch = new JsonObject();
        foreach (var (field, _, _, list) in Fields.Where(f => f.Field != "channel"))
        {
            if (field == "target" && Text(field) is null)
            {
                continue;
            }

            patch[field] = list
                ? List(field) is { } items ? new JsonArray([.. items.Select(i => JsonValue.Create(i))]) : null
                : Text(field) is { } text ? JsonValue.Create(text) : null;
        }

        return JsonSerializer.SerializeToElement(patch);
    }

    /// <summary>The form's fields, each with its label, hint and the messages the validator gave for it.</summary>
    public string Render(string action, string button, string token, IReadOnlyDictionary<string, string[]> errors, bool editing, string? etag = null)
    {
        var byField = errors.GroupBy(e => FieldOf(e.Key)).ToDictionary(g => g.Key, g => g.SelectMany(e => e.Value).ToList(), StringComparer.Ordinal);
        var sb = new StringBuilder();
        if (errors.Count > 0)
        {
            sb.Append("<div class=\"errors\" role=\"alert\" id=\"form-errors\"><h2>The subscription was not saved</h2><ul>");
            foreach (var (key, messages) in errors)
            {
                foreach (var message in messages)
                {
                    sb.Append("<li><a href=\"#f-").Append(E(FieldOf(key))).Append("\">").Append(E(key)).Append("</a>: ").Append(E(message)).Append("</li>");
                }
            }

            sb.Append("</ul></div>");
        }

        sb.Append("<form method=\"post\" action=\"").Append(E(action)).Append("\" novalidate>")
            .Append("<input type=\"hidden\" name=\"").Append(WebFormTokens.FieldName).Append("\" value=\"").Append(E(token)).Append("\">");
        if (etag is not null)
        {
            sb.Append("<input type=\"hidden\" name=\"etag\" value=\"").Append(E(etag)).Append("\">");
        }

        foreach (var (field, label, hint, _) in Fields)
        {
            if (editing && field == "channel")
            {
                continue; // a channel cannot change: a new subscription is a new target
            }

            var messages = byField.GetValueOrDefault(field) ?? [];
            var described = "h-" + field + (messages.Count > 0 ? " e-" + field : string.Empty);
            sb.Append("<div class=\"field\"><label for=\"f-").Append(field).Append("\">").Append(E(label)).Append("</label>")
                .Append("<p class=\"hint\" id=\"h-").Append(field).Append("\">").Append(E(editing && field == "target" ? "Leave empty to keep the current one. " + hint : hint)).Append("</p>");
            if (messages.Count > 0)
            {
                sb.Append("<p class=\"error\" id=\"e-").Append(field).Append("\">").Append(E(string.Join(" ", messages))).Append("</p>");
            }

            var invalid = messages.Count > 0 ? " aria-invalid=\"true\"" : string.Empty;
            if (field == "channel")
            {
                sb.Append("<select id=\"f-channel\" name=\"channel\" aria-describedby=\"").Append(described).Append('"').Append(invalid).Append('>')
                    .Append(Option("email", "Email", this["channel"])).Append(Option("teams", "Microsoft Teams", this["channel"])).Append("</select>");
            }
            else
            {
                sb.Append("<input type=\"text\" id=\"f-").Append(field).Append("\" name=\"").Append(field).Append("\" value=\"").Append(E(this[field]))
                    .Append("\" aria-describedby=\"").Append(described).Append('"').Append(invalid).Append('>');
            }

            sb.Append("</div>");
        }

        sb.Append("<button type=\"submit\">").Append(E(button)).Append("</button></form>");
        return sb.ToString();
    }

    // "commodities[2]" -> "commodities": a list item's message belongs to its field.
    private static string FieldOf(string key)
    {
        var bracket = key.IndexOf('[', StringComparison.Ordinal);
        var name = bracket < 0 ? key : key[..bracket];
        return name;
    }

    private string? Text(string field) => this[field] is { Length: > 0 } text ? text : null;

    private List<string>? List(string field) =>
        this[field].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) is { Length: > 0 } items ? [.. items] : null;

    private static string Option(string value, string text, string current) =>
        "<option value=\"" + E(value) + "\"" + (value == current ? " selected" : string.Empty) + ">" + E(text) + "</option>";
}
