using Alerts.Evaluate.Lifecycle;
using Alerts.Route.NotificationLog;
using Alerts.Route.Notifications;
using Alerts.Route.Silences;
using Alerts.Route.Subscriptions;

namespace Alerts.Route.Routing;

/// <summary>
/// Dedup against the notification log (after alertmanager): decides whether one group of events is worth a
/// notification and records what was sent.
/// </summary>
public static class NotificationPolicy
{
    /// <summary>
    /// Decides for one subscription and group. <paramref name="events"/> are the group's unsilenced events of
    /// this routing pass; only the latest event per alert counts.
    /// </summary>
    public static NotificationDecision Decide(
        NotificationLogEntry? entry,
        IReadOnlyList<AlertEvent> events,
        DateTimeOffset now,
        TimeSpan repeatInterval)
    {
        ArgumentNullException.ThrowIfNull(events);
        var latest = LatestPerAlert(events);
        if (latest.Count == 0)
        {
            return NotificationDecision.Skip(NotificationReasons.AlreadyNotified);
        }

        if (entry is null)
        {
            return NotificationDecision.Send(NotificationReasons.First, latest);
        }

        var known = entry.Alerts
            .GroupBy(a => a.Fingerprint, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.MaxBy(a => a.NotifiedAt)!, StringComparer.Ordinal);

        var fresh = new List<AlertEvent>();
        var anyNew = false;
        var anyResolved = false;
        foreach (var e in latest)
        {
            if (!known.TryGetValue(KeyOf(e), out var told))
            {
                fresh.Add(e);
                anyNew = true;
            }
            else if (string.Equals(told.EventId, e.EventId, StringComparison.Ordinal))
            {
                // Exactly what was sent before (a redelivered breaches message): not news.
            }
            else if (told.State == AlertState.Resolved && e.State != AlertState.Resolved)
            {
                fresh.Add(e);
                anyNew = true;
            }
            else if (told.State != AlertState.Resolved && e.State == AlertState.Resolved)
            {
                fresh.Add(e);
                anyResolved = true;
            }
            else if (e.State != AlertState.Resolved)
            {
                // Still firing (a new period or vintage): news only once the repeat interval has passed.
                fresh.Add(e);
            }
        }

        if (fresh.Count == 0)
        {
            return NotificationDecision.Skip(NotificationReasons.AlreadyNotified);
        }

        if (anyNew)
        {
            return NotificationDecision.Send(NotificationReasons.NewAlertsInGroup, fresh);
        }

        if (anyResolved)
        {
            return NotificationDecision.Send(NotificationReasons.Resolved, fresh);
        }

        return now - entry.LastSentAt >= repeatInterval
            ? NotificationDecision.Send(NotificationReasons.RepeatIntervalElapsed, fresh)
            : NotificationDecision.Skip(NotificationReasons.AlreadyNotified);
    }

    /// <summary>The log entry after sending <paramref name="sent"/>: the previous entry with those alerts updated.</summary>
    public static NotificationLogEntry Record(
        NotificationLogEntry? entry,
        string subscriptionId,
        string groupKey,
        string notificationId,
        IReadOnlyList<AlertEvent> sent,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(sent);
        var alerts = new SortedDictionary<string, NotifiedAlert>(StringComparer.Ordinal);
        foreach (var a in entry?.Alerts ?? [])
        {
            alerts[a.Fingerprint] = a;
        }

        foreach (var e in sent)
        {
            alerts[KeyOf(e)] = new NotifiedAlert(KeyOf(e), e.EventId, e.State, now);
        }

        return new NotificationLogEntry(subscriptionId, groupKey, now, notificationId, [.. alerts.Values]);
    }

    /// <summary>
    /// What the log keys an alert by: its fingerprint, or for the no-data alert (<see cref="AlertEvent.IsNoDataAlert"/>)
    /// <c>nodata:</c> + fingerprint, so a series' missing data and its rule's value are told apart.
    /// </summary>
    public static string KeyOf(AlertEvent alertEvent) =>
        AlertEvent.IsNoDataAlert(alertEvent) ? "nodata:" + alertEvent.Fingerprint : alertEvent.Fingerprint;

    /// <summary>
    /// The latest event per alert (by time, then id), in a stable order: most severe first, firing before
    /// resolved, then by commodity and event id.
    /// </summary>
    internal static List<AlertEvent> LatestPerAlert(IEnumerable<AlertEvent> events) =>
        events
            .GroupBy(KeyOf, StringComparer.Ordinal)
            .Select(g => g.OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.EventId, StringComparer.Ordinal).First())
            .OrderByDescending(e => SeverityLevels.OfEvent(e.Severity))
            .ThenBy(e => e.State)
            .ThenBy(e => e.Commodity, StringComparer.Ordinal)
            .ThenBy(e => e.EventId, StringComparer.Ordinal)
            .ToList();
}
