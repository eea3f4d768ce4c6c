using Alerts.Evaluate.Lifecycle;
using Alerts.Route.NotificationLog;
using Alerts.Route.Routing;
using Alerts.Route.Silences;
using Alerts.Route.Subscriptions;

namespace Alerts.Route.Notifications;

/// <summary>
/// One delivery to make: the body of a <c>notifications</c> message (one per subscription and group).
/// </summary>
/// <param name="NotificationId">Deterministic id (the Service Bus MessageId): subscription id + sorted event ids.</param>
/// <param name="Channel"><c>email</c> or <c>teams</c>; also the message's application property <c>channel</c>.</param>
/// <param name="Target">Email address or webhook URL. A secret: never logged.</param>
/// <param name="Reason">Why it is sent, e.g. <c>first</c>, <c>new-alerts-in-group</c>, <c>resolved</c>, <c>repeat-interval-elapsed</c>.</param>
/// <param name="SubscriptionName">The subscription's display name, when it has one (shown in the message).</param>
/// <param name="Digest">Set for a daily or weekly digest (reason <c>digest</c>): which events fired, resolved, are still firing, and moved most.</param>
/// <param name="Held">Set when it went out late because a silence or mute window held it: why and since when.</param>
public sealed record Notification(
    string NotificationId,
    string SubscriptionId,
    string Channel,
    string Target,
    string GroupKey,
    string Reason,
    IReadOnlyList<AlertEvent> Events,
    string? SubscriptionName = null,
    DigestSummary? Digest = null,
    HeldNote? Held = null);
