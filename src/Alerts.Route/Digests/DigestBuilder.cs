using Alerts.Evaluate.Lifecycle;
using Alerts.Route.Grouping;
using Alerts.Route.Notifications;
using Alerts.Route.Routing;
using Alerts.Route.Subscriptions;

namespace Alerts.Route.Digests;

/// <summary>
/// One digest notification for a subscription (pure): the events held since the last digest (the latest per alert:
/// what fired, what resolved) and the alerts still firing that it did not already name, with the top movers.
/// </summary>
public static class DigestBuilder
{
    /// <summary>Top movers named per digest.</summary>
    public const int TopMoverCount = 3;

    /// <param name="held">Events the router held for the digest since the last one.</param>
    /// <param name="firing">Every alert firing now (firing or recovering), from the alerts table.</param>
    /// <param name="muted">Fingerprints of the subscription's alerts a silence or mute window holds now: they fired (or
    /// changed) while muted, so the digest does not name them as still firing; they are told once released.</param>
    /// <param name="note">Set when the digest itself, or some event in it, was held (a mute window covered its time).</param>
    /// <returns>The digest, or null when nothing fired, resolved or is firing for this subscription.</returns>
    public static Notification? Build(
        Subscription subscription,
        IReadOnlyList<AlertEvent> held,
        IEnumerable<AlertRecord> firing,
        DateTimeOffset from,
        DateTimeOffset due,
        IReadOnlySet<string>? muted = null,
        HeldNote? note = null)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        ArgumentNullException.ThrowIfNull(held);
        ArgumentNullException.ThrowIfNull(firing);
        var delivery = subscription.Timing?.Delivery ?? throw new ArgumentException($"Subscription {subscription.Id} has no digest delivery.", nameof(subscription));
        var told = NotificationPolicy.LatestPerAlert(held);
        var named = told.Select(e => e.Fingerprint).ToHashSet(StringComparer.Ordinal);
        var still = firing
            .Where(r => AlertStatuses.IsFiring(r.State) && !named.Contains(r.Fingerprint) && muted?.Contains(r.Fingerprint) != true)
            .Select(StillFiringEvent)
            .Where(e => SubscriptionMatcher.Matches(subscription.Filter, e))
            .OrderBy(e => e.Commodity, StringComparer.Ordinal)
            .ThenBy(e => e.EventId, StringComparer.Ordinal)
            .ToList();
        if (told.Count == 0 && still.Count == 0)
        {
            return null;
        }

        var events = told.Concat(still).ToList();
        var movers = events
            .Where(e => e.PreviousValue is not null && !e.NoData)
            .OrderByDescending(Movement)
            .ThenBy(e => e.EventId, StringComparer.Ordinal)
            .Take(TopMoverCount)
            .Select(e => e.EventId)
            .ToList();
        var summary = new DigestSummary(
            DigestSchedule.Describe(delivery),
            from,
            due,
            [.. told.Where(e => e.State != AlertState.Resolved).Select(e => e.EventId)],
            [.. told.Where(e => e.State == AlertState.Resolved).Select(e => e.EventId)],
            [.. still.Select(e => e.EventId)],
            movers);

        // One digest per subscription and due time: the id names both, so a re-run of the timer is a dropped duplicate.
        var id = NotificationIds.For(subscription.Id, events.Select(e => e.EventId).Prepend("digest:" + due.UtcTicks));
        return new Notification(id, subscription.Id, subscription.Channel, subscription.Target, HeldGroup.DigestKey, NotificationReasons.Digest, events, subscription.Name, summary, note);
    }

    // How far the value moved against the previous one, in thresholds, so shares and HHI points compare.
    private static double Movement(AlertEvent e) =>
        Math.Abs(e.Value - e.PreviousValue!.Value) / Math.Max(Math.Abs(e.Threshold), 1e-9);

    /// <summary>An alert still firing, as an event for the digest: its stored values, no suppliers (the record keeps none).</summary>
    public static AlertEvent StillFiringEvent(AlertRecord r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new AlertEvent(
            r.LastEventId ?? r.Fingerprint,
            r.Fingerprint,
            r.RuleId,
            r.RuleId,
            r.Severity,
            r.Product,
            r.CommodityName,
            r.Reporter,
            r.Flow,
            r.Period.ToString(),
            r.Basis,
            r.Metric,
            r.Value,
            r.Threshold,
            AlertState.Firing,
            [],
            null,
            null,
            r.FiredAt ?? r.UpdatedAt,
            r.RunId,
            Since: r.Since?.ToString());
    }
}
