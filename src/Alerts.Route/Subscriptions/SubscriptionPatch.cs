using System.Text.Json;
using System.Xml;
using Alerts.Route.Silences;
using Alerts.Evaluate.Lifecycle;
using Alerts.Route.Notifications;

namespace Alerts.Route.Subscriptions;

/// <summary>
/// A JSON merge patch (RFC 7396) of a subscription: the stored subscription as a request, with the patch's members laid
/// over it (a member set to null goes back to its default), for the same validator as a creation. The channel and
/// the server's own fields (id, status, createdAt) cannot be patched.
/// </summary>
public static class SubscriptionPatch
{
    /// <summary>The members a patch may hold (camelCase, as in the API).</summary>
    public static readonly IReadOnlyList<string> Fields =
        ["name", "target", "commodities", "reporters", "ruleIds", "minSeverity", "states", "groupBy", "repeatInterval", "muteWindows", "groupWait", "groupInterval", "delivery"];

    /// <summary>The request the patched subscription corresponds to; null with errors naming each bad member instead.</summary>
    public static (SubscriptionRequest? Request, IReadOnlyDictionary<string, string[]> Errors) Apply(Subscription current, JsonElement patch)
    {
        ArgumentNullException.ThrowIfNull(current);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (patch.ValueKind != JsonValueKind.Object)
        {
            errors["$"] = ["a JSON merge patch is an object of the members to change"];
            return (null, errors);
        }

        var request = ToRequest(current);
        foreach (var member in patch.EnumerateObject())
        {
            var value = member.Value;
            try
            {
                request = member.Name switch
                {
                    "name" => request with { Name = Text(value) },
                    "target" => request with { Target = Text(value) ?? string.Empty },
                    "commodities" => request with { Commodities = List(value) },
                    "reporters" => request with { Reporters = List(value) },
                    "ruleIds" => request with { RuleIds = List(value) },
                    "minSeverity" => request with { MinSeverity = Text(value) },
                    "states" => request with { States = List(value) },
                    "groupBy" => request with { GroupBy = Text(value) },
                    "repeatInterval" => request with { RepeatInterval = Text(value) },
                    "muteWindows" => request with { MuteWindows = Windows(value) },
                    "groupWait" => request with { GroupWait = Text(value) },
                    "groupInterval" => request with { GroupInterval = Text(value) },
                    "delivery" => request with { Delivery = Delivery(value) },
                    "channel" => throw new FormatException("the channel cannot be changed: create a new subscription on the other channel"),
                    _ => throw new FormatException($"'{Clip(member.Name)}' cannot be patched: use {string.Join(", ", Fields)}"),
                };
            }
            catch (FormatException e)
            {
                errors[member.Name.Length <= 40 ? member.Name : "$"] = [e.Message];
            }
        }

        return errors.Count > 0 ? (null, errors) : (request, errors);
    }

    /// <summary>The request that would create <paramref name="s"/> (what a patch starts from).</summary>
    public static SubscriptionRequest ToRequest(Subscription s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new SubscriptionRequest
        {
            Name = s.Name,
            Channel = s.Channel,
            Target = s.Target,
            Commodities = s.Filter.Commodities,
            Reporters = s.Filter.Reporters,
            RuleIds = s.Filter.RuleIds,
            MinSeverity = s.Filter.MinSeverity.ToName(),
            States = s.Filter.States.Select(st => st switch { AlertState.Firing => "firing", AlertState.NoData => "noData", _ => "resolved" }).ToList(),
            GroupBy = s.GroupBy.ToString().ToLowerInvariant(),
            RepeatInterval = XmlConvert.ToString(s.RepeatInterval),
            MuteWindows = s.MuteWindows,
            GroupWait = Grouping.TimingRequest.ToRequest(s.Timing).GroupWait,
            GroupInterval = Grouping.TimingRequest.ToRequest(s.Timing).GroupInterval,
            Delivery = Grouping.TimingRequest.ToRequest(s.Timing).Delivery,
        };
    }

    // The delivery object is replaced whole (a merge patch of its members would leave a daily one with a weekly day).
    private static Grouping.DeliveryRequest? Delivery(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.Object => value.Deserialize<Grouping.DeliveryRequest>(new JsonSerializerOptions(JsonSerializerDefaults.Web)),
        _ => throw new FormatException("must be an object such as {\"mode\":\"daily\",\"at\":\"08:00\",\"timeZone\":\"Europe/Brussels\"} or null"),
    };

    private static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.String => value.GetString(),
        _ => throw new FormatException("must be a string or null"),
    };

    private static List<string>? List(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.Array => value.EnumerateArray().Select(i => i.ValueKind == JsonValueKind.String ? i.GetString()! : throw new FormatException("must be an array of strings")).ToList(),
        _ => throw new FormatException("must be an array of strings or null"),
    };

    // A misspelt member ("timeZon") refused rather than ignored, as in the request bodies.
    private static readonly JsonSerializerOptions WindowJson = new(JsonSerializerDefaults.Web) { UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow };

    private static List<MuteWindow?>? Windows(JsonElement value)
    {
        if (value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Array))
        {
            throw new FormatException("must be an array of mute windows or null");
        }

        try
        {
            return value.Deserialize<List<MuteWindow?>>(WindowJson);
        }
        catch (JsonException e)
        {
            throw new FormatException($"must be an array of mute windows ({{\"weekdays\":[...],\"start\":\"HH:mm\",\"end\":\"HH:mm\",\"timeZone\":\"...\"}}): {e.Message}", e);
        }
    }

    private static string Clip(string value) => value.Length <= 40 ? value : value[..40] + "...";
}
