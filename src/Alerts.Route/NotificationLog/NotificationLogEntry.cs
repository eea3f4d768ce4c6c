using Alerts.Route.Notifications;
using Alerts.Route.Routing;
using Alerts.Route.Silences;
using Alerts.Route.Subscriptions;

namespace Alerts.Route.NotificationLog;

/// <summary>
/// The notification log for one subscription and group: when it was last notified and, per alert, the
/// last event and state it was told. The router dedups against it.
/// </summary>
public sealed record NotificationLogEntry(
    string SubscriptionId,
    string GroupKey,
    DateTimeOffset LastSentAt,
    string LastNotificationId,
    IReadOnlyList<NotifiedAlert> Alerts);
