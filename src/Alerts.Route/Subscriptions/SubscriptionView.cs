using Alerts.Platform.Secrets;
using Alerts.Route.NotificationLog;
using Alerts.Route.Notifications;
using Alerts.Route.Routing;
using Alerts.Route.Silences;

namespace Alerts.Route.Subscriptions;

/// <summary>A subscription as the API returns it: the target (a secret) is redacted.</summary>
/// <param name="Status">pendingVerification, active, paused (a pause of an active one) or unsubscribed.</param>
/// <param name="Paused">True after repeated permanent delivery failures: nothing is sent until the owner resumes it.</param>
/// <param name="PausedAt">When it was paused; null while active.</param>
/// <param name="PauseReason">Why, with the last failure's status; never the target.</param>
/// <param name="GroupWait">ISO 8601 duration the first notification of a group waits (PT0S: none).</param>
/// <param name="GroupInterval">ISO 8601 duration later changes of a group wait after its last notification.</param>
/// <param name="Delivery">immediate, or the daily or weekly digest schedule.</param>
public sealed record SubscriptionView(
    string Id,
    string? Name,
    string Channel,
    SubscriptionStatus Status,
    string Target,
    SubscriptionFilter Filter,
    string GroupBy,
    string RepeatInterval,
    DateTimeOffset CreatedAt,
    bool Paused = false,
    DateTimeOffset? PausedAt = null,
    string? PauseReason = null,
    IReadOnlyList<MuteWindow>? MuteWindows = null,
    string GroupWait = "PT0S",
    string GroupInterval = "PT0S",
    Grouping.DeliveryRequest? Delivery = null)
{
    public static SubscriptionView From(Subscription s, SubscriptionPause? pause = null) => new(
        s.Id,
        s.Name,
        s.Channel,
        SubscriptionStatuses.Of(s, pause),
        Channels.RedactTarget(s.Channel, s.Target),
        s.Filter,
        s.GroupBy.ToString().ToLowerInvariant(),
        System.Xml.XmlConvert.ToString(s.RepeatInterval),
        s.CreatedAt,
        pause is not null,
        pause?.PausedAt,
        pause?.Reason,
        s.MuteWindows ?? [],
        Grouping.TimingRequest.ToRequest(s.Timing).GroupWait ?? "PT0S",
        Grouping.TimingRequest.ToRequest(s.Timing).GroupInterval ?? "PT0S",
        Grouping.TimingRequest.ToRequest(s.Timing).Delivery ?? new Grouping.DeliveryRequest { Mode = "immediate" });
}
