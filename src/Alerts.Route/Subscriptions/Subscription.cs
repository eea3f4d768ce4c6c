using Alerts.Route.NotificationLog;
using Alerts.Route.Notifications;
using Alerts.Route.Routing;
using Alerts.Route.Silences;

namespace Alerts.Route.Subscriptions;

/// <summary>Someone's standing request to be told about alert events on one channel.</summary>
/// <param name="Id">Subscription id (the API's resource id).</param>
/// <param name="Owner">Identity of the caller who created it.</param>
/// <param name="Channel"><see cref="Channels.Email"/> or <see cref="Channels.Teams"/>.</param>
/// <param name="Target">Email address or Teams Workflows webhook URL. A secret: never logged, never returned in full.</param>
/// <param name="RepeatInterval">How long an alert that keeps firing stays quiet before it is sent again.</param>
/// <param name="Name">Optional display name.</param>
/// <param name="Status">Stored status: pending verification, active or unsubscribed (a pause lives in the endpoint health; see <see cref="SubscriptionStatuses"/>).
/// Rows written before statuses existed read as active.</param>
/// <param name="VerificationSentAt">When the last verification mail was sent (the resend rate limit counts from it).</param>
/// <param name="MuteWindows">Recurring quiet times: notifications due inside one are held and sent, grouped, when it ends.</param>
/// <param name="Timing">Group wait and interval, and a daily or weekly digest; null = send at once (rows from before it existed).</param>
public sealed record Subscription(
    string Id,
    string Owner,
    string Channel,
    string Target,
    SubscriptionFilter Filter,
    GroupBy GroupBy,
    TimeSpan RepeatInterval,
    DateTimeOffset CreatedAt,
    string? Name = null,
    SubscriptionStatus Status = SubscriptionStatus.Active,
    DateTimeOffset? VerificationSentAt = null,
    IReadOnlyList<MuteWindow>? MuteWindows = null,
    Grouping.NotificationTiming? Timing = null)
{
    /// <summary>Repeat interval when a request gives none.</summary>
    public static readonly TimeSpan DefaultRepeatInterval = TimeSpan.FromHours(24);
}
