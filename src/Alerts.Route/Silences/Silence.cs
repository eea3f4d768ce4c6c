using Alerts.Evaluate.Lifecycle;
using Alerts.Route.NotificationLog;
using Alerts.Route.Notifications;
using Alerts.Route.Routing;
using Alerts.Route.Subscriptions;

namespace Alerts.Route.Silences;

/// <summary>
/// Mutes matching events for a time window. Null matchers match anything; a silence must name at least one.
/// </summary>
/// <param name="Commodity">Commodity id or product code (same matching as <see cref="SubscriptionFilter.Commodities"/>).</param>
/// <param name="SubscriptionId">When set, the silence applies to that subscription only; otherwise to all.</param>
/// <param name="StartsAt">Inclusive start.</param>
/// <param name="EndsAt">Exclusive end.</param>
public sealed record Silence(
    string Id,
    string? Commodity,
    string? Reporter,
    string? RuleId,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    string? SubscriptionId = null,
    string? CreatedBy = null,
    string? Comment = null)
{
    public bool IsActiveAt(DateTimeOffset now) => StartsAt <= now && now < EndsAt;

    /// <summary>True when the silence is active at <paramref name="now"/> and mutes this event for this subscription.</summary>
    public bool Mutes(AlertEvent alertEvent, string subscriptionId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(alertEvent);
        if (Commodity is null && Reporter is null && RuleId is null)
        {
            // A silence with no matcher would mute everything; treat it as invalid rather than total.
            return false;
        }

        return IsActiveAt(now)
               && (SubscriptionId is null || string.Equals(SubscriptionId, subscriptionId, StringComparison.Ordinal))
               && (Commodity is null || SubscriptionMatcher.CommodityMatches(Commodity, alertEvent.Commodity) || SubscriptionMatcher.IsCommodityOf(Commodity, alertEvent.CommodityIds))
               && (Reporter is null || string.Equals(Reporter.Trim(), alertEvent.Reporter, StringComparison.OrdinalIgnoreCase))
               && (RuleId is null || string.Equals(RuleId.Trim(), alertEvent.RuleId, StringComparison.OrdinalIgnoreCase));
    }
}
