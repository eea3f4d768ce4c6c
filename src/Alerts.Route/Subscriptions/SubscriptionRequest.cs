using Alerts.Route.NotificationLog;
using Alerts.Route.Notifications;
using Alerts.Route.Routing;
using Alerts.Route.Silences;

namespace Alerts.Route.Subscriptions;

/// <summary>
/// The body of <c>POST /api/subscriptions</c>, as sent: every field optional here, so the validator can
/// name each missing or bad one (<see cref="SubscriptionRequestValidator"/>).
/// </summary>
public sealed record SubscriptionRequest
{
    /// <summary>Display name, optional.</summary>
    public string? Name { get; init; }

    /// <summary><c>email</c> or <c>teams</c>.</summary>
    public string? Channel { get; init; }

    /// <summary>Email address, or Teams Workflows webhook URL.</summary>
    public string? Target { get; init; }

    /// <summary>Commodity ids or product codes; empty or absent = all.</summary>
    public IReadOnlyList<string>? Commodities { get; init; }

    /// <summary>Reporter codes; empty or absent = all.</summary>
    public IReadOnlyList<string>? Reporters { get; init; }

    /// <summary>Rule ids; empty or absent = all.</summary>
    public IReadOnlyList<string>? RuleIds { get; init; }

    /// <summary><c>info</c> (default), <c>warning</c> or <c>critical</c>.</summary>
    public string? MinSeverity { get; init; }

    /// <summary><c>firing</c>, <c>resolved</c>; empty or absent = both. <c>noData</c> adds the no-data alerts (needs the admin role).</summary>
    public IReadOnlyList<string>? States { get; init; }

    /// <summary><c>commodity</c> (default), <c>reporter</c>, <c>rule</c>, <c>none</c> (one per alert) or <c>all</c>.</summary>
    public string? GroupBy { get; init; }

    /// <summary>Duration such as <c>PT4H</c>, <c>4h</c> or <c>1d</c>; default 24 hours.</summary>
    public string? RepeatInterval { get; init; }

    /// <summary>Recurring quiet times (weekdays, times of day, time zone); absent or empty = none.</summary>
    public IReadOnlyList<MuteWindow?>? MuteWindows { get; init; }
    /// <summary>How long the first notification of a group waits for more alerts (e.g. <c>PT5M</c>); default 0.</summary>
    public string? GroupWait { get; init; }

    /// <summary>How long later changes of a group wait after its last notification (e.g. <c>PT1H</c>); default 0.</summary>
    public string? GroupInterval { get; init; }

    /// <summary><c>immediate</c> (default), or a daily or weekly digest at a time and time zone.</summary>
    public Grouping.DeliveryRequest? Delivery { get; init; }
}
