using System.Globalization;
using Alerts.Evaluate.Lifecycle;
using Alerts.Platform.Secrets;
using Alerts.Route.NotificationLog;
using Alerts.Route.Notifications;
using Alerts.Route.Routing;
using Alerts.Route.Silences;

namespace Alerts.Route.Subscriptions;

/// <summary>
/// Checks a <see cref="SubscriptionRequest"/> and turns it into a <see cref="Subscription"/>. Reports every
/// field error at once, keyed by camelCase JSON field name. Messages never repeat the target (a secret).
/// </summary>
public sealed class SubscriptionRequestValidator
{
    public const int MaxNameLength = 100;
    public const int MaxCommodities = 100;
    public const int MaxReporters = 50;
    public const int MaxRuleIds = 50;
    public const int MaxCodeLength = 64;
    public static readonly TimeSpan MinRepeatInterval = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan MaxRepeatInterval = TimeSpan.FromDays(365);

    private readonly IReadOnlyDictionary<string, IChannelTarget> _targets;

    /// <param name="targets">One per channel, from the deliver step's channel folders.</param>
    public SubscriptionRequestValidator(IEnumerable<IChannelTarget> targets)
    {
        ArgumentNullException.ThrowIfNull(targets);
        _targets = targets.ToDictionary(t => t.Channel, StringComparer.Ordinal);
    }

    /// <summary>Every problem with the request; empty when it is valid.</summary>
    public IReadOnlyDictionary<string, string[]> Validate(SubscriptionRequest? request)
    {
        var errors = new Errors();
        if (request is null)
        {
            errors.Add("$", "a JSON object with at least channel and target is required");
            return errors.ToDictionary();
        }

        ValidateName(request.Name, errors);
        var channel = request.Channel?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(channel))
        {
            errors.Add("channel", "channel is required: one of email, teams");
        }
        else if (!Channels.All.Contains(channel))
        {
            errors.Add("channel", $"channel '{Clip(request.Channel!)}' is not supported: use one of email, teams");
        }

        ValidateTarget(channel, request.Target?.Trim(), errors);
        ValidateList(request.Commodities, "commodities", MaxCommodities, IsCommodity, "a commodity id, commodity series (rare-earths/metal) or product code (letters, digits, spaces, '.', '-', '_' or '/')", errors);
        ValidateList(request.Reporters, "reporters", MaxReporters, IsReporter, "a reporter code such as EU27_2020 or DE", errors);
        ValidateList(request.RuleIds, "ruleIds", MaxRuleIds, IsRuleId, "a rule id (letters, digits, '.', ':', '-' or '_')", errors);

        if (request.MinSeverity is not null && !SeverityLevels.TryParse(request.MinSeverity, out _))
        {
            errors.Add("minSeverity", $"minSeverity '{Clip(request.MinSeverity)}' is not one of info, warning, critical");
        }

        if (request.States is not null)
        {
            for (var i = 0; i < request.States.Count; i++)
            {
                if (!TryParseState(request.States[i], out _))
                {
                    errors.Add(Item("states", i), $"'{Clip(request.States[i] ?? "null")}' is not one of firing, resolved, noData");
                }
            }
        }

        if (request.GroupBy is not null && !GroupKeys.TryParse(request.GroupBy, out _))
        {
            errors.Add("groupBy", $"groupBy '{Clip(request.GroupBy)}' is not one of {string.Join(", ", GroupKeys.Names)}");
        }

        if (request.RepeatInterval is not null)
        {
            if (!Durations.TryParse(request.RepeatInterval, out var interval))
            {
                errors.Add("repeatInterval", $"repeatInterval '{Clip(request.RepeatInterval)}' is not a duration: write e.g. PT4H, 4h, 1d or 04:00:00");
            }
            else if (interval < MinRepeatInterval || interval > MaxRepeatInterval)
            {
                errors.Add("repeatInterval", "repeatInterval must be between 1 minute and 365 days");
            }
        }

        MuteWindowValidator.Validate(request.MuteWindows, errors.Add);
        foreach (var (field, message) in Grouping.TimingRequest.Validate(request.GroupWait, request.GroupInterval, request.Delivery))
        {
            errors.Add(field, message);
        }

        return errors.ToDictionary();
    }

    /// <summary>The subscription for a valid request, normalized; throws <see cref="SubscriptionValidationException"/> otherwise.</summary>
    public Subscription Create(SubscriptionRequest request, string id, string owner, DateTimeOffset createdAt)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        ArgumentException.ThrowIfNullOrEmpty(owner);
        var errors = Validate(request);
        if (errors.Count > 0)
        {
            throw new SubscriptionValidationException(errors);
        }

        var filter = new SubscriptionFilter(
            Clean(request.Commodities),
            Clean(request.Reporters).Select(r => r.ToUpperInvariant()).Distinct(StringComparer.Ordinal).ToList(),
            Clean(request.RuleIds),
            request.MinSeverity is null ? Severity.Info : ParseSeverity(request.MinSeverity),
            (request.States ?? []).Select(s => TryParseState(s, out var st) ? st : AlertState.Firing).Distinct().Order().ToList());
        var groupBy = request.GroupBy is not null && GroupKeys.TryParse(request.GroupBy, out var g) ? g : GroupBy.Commodity;
        var repeat = request.RepeatInterval is not null && Durations.TryParse(request.RepeatInterval, out var r) ? r : Subscription.DefaultRepeatInterval;
        var name = string.IsNullOrWhiteSpace(request.Name) ? null : request.Name.Trim();
        return new Subscription(id, owner, request.Channel!.Trim().ToLowerInvariant(), request.Target!.Trim(), filter, groupBy, repeat, createdAt, name)
        {
            MuteWindows = MuteWindowValidator.Normalize(request.MuteWindows),
            Timing = Grouping.TimingRequest.Parse(request.GroupWait, request.GroupInterval, request.Delivery),
        };
    }

    private void ValidateTarget(string? channel, string? target, Errors errors)
    {
        var known = channel is not null && _targets.TryGetValue(channel, out var policy) ? policy : null;
        if (string.IsNullOrEmpty(target))
        {
            errors.Add("target", known is null
                ? "target is required: " + string.Join(" or ", _targets.Values.Select(t => $"{t.Description} ({t.Channel})"))
                : "target is required: " + known.Description);
            return;
        }

        if (known?.Problem(target) is { } problem)
        {
            errors.Add("target", problem);
        }
    }

    private static void ValidateName(string? name, Errors errors)
    {
        if (name is null)
        {
            return;
        }

        if (name.Length > MaxNameLength)
        {
            errors.Add("name", string.Create(CultureInfo.InvariantCulture, $"name must be at most {MaxNameLength} characters"));
        }

        if (name.Any(char.IsControl))
        {
            errors.Add("name", "name must not contain control characters such as line breaks");
        }
    }

    private static void ValidateList(IReadOnlyList<string>? items, string field, int max, Func<string, bool> isValid, string expected, Errors errors)
    {
        if (items is null)
        {
            return;
        }

        if (items.Count > max)
        {
            errors.Add(field, string.Create(CultureInfo.InvariantCulture, $"{field} has {items.Count} items; at most {max} are allowed"));
            return;
        }

        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if (string.IsNullOrWhiteSpace(item))
            {
                errors.Add(Item(field, i), "must not be empty");
            }
            else if (item.Trim().Length > MaxCodeLength)
            {
                errors.Add(Item(field, i), string.Create(CultureInfo.InvariantCulture, $"must be at most {MaxCodeLength} characters"));
            }
            else if (!isValid(item.Trim()))
            {
                errors.Add(Item(field, i), $"'{Clip(item)}' is not {expected}");
            }
        }
    }

    private static bool IsCommodity(string s) => s.All(c => char.IsAsciiLetterOrDigit(c) || c is ' ' or '.' or '-' or '_' or '/');

    private static bool IsReporter(string s) => s.Length is >= 2 and <= 16 && s.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

    private static bool IsRuleId(string s) => s.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or ':' or '-' or '_');

    private static bool TryParseState(string? text, out AlertState state)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "firing":
                state = AlertState.Firing;
                return true;
            case "resolved":
                state = AlertState.Resolved;
                return true;
            case "nodata":
                state = AlertState.NoData;
                return true;
            default:
                state = default;
                return false;
        }
    }

    private static Severity ParseSeverity(string text) => SeverityLevels.TryParse(text, out var s) ? s : Severity.Info;

    private static List<string> Clean(IReadOnlyList<string>? items) =>
        (items ?? []).Select(i => i.Trim()).Where(i => i.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    private static string Item(string field, int index) => string.Create(CultureInfo.InvariantCulture, $"{field}[{index}]");

    // Echoed values are clipped so a huge bad value does not become a huge error response.
    private static string Clip(string value) => value.Length <= 40 ? value : value[..40] + "...";

    private sealed class Errors
    {
        private readonly Dictionary<string, List<string>> _byField = new(StringComparer.Ordinal);

        public void Add(string field, string message)
        {
            if (!_byField.TryGetValue(field, out var list))
            {
                _byField[field] = list = [];
            }

            list.Add(message);
        }

        public IReadOnlyDictionary<string, string[]> ToDictionary() =>
            _byField.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
    }
}
