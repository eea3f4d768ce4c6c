using Alerts.Route.NotificationLog;
using Alerts.Route.Notifications;

namespace Alerts.Route.Outbox;

/// <summary>
/// A notification the router decided to send, written before it is published: the notification itself (with its id and
/// events) and the notification log entries that record it. Deleted once the log is written; until then every routing
/// run hands the same notification on again and writes its log, before routing anything else.
/// </summary>
/// <param name="LogUpdates">The log entries as the router computed them (merged into the stored ones on recovery).</param>
public sealed record OutboxEntry(Notification Notification, IReadOnlyList<NotificationLogEntry> LogUpdates, DateTimeOffset DecidedAt);
