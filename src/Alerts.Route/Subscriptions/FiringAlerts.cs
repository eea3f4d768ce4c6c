using Alerts.Compute.Engine;
using Alerts.Compute.Series;
using Alerts.Compute.Store;
using Alerts.Evaluate.Lifecycle;
using Alerts.Evaluate.Rules;

namespace Alerts.Route.Subscriptions;

/// <summary>
/// The alerts firing now (the <c>alerts</c> table), as the events that last told of them: what a subscription that
/// just became active is given once. The event id is the alert's last event's, so the notification log records exactly
/// what the router would have recorded, and a late copy of that event from the topic is not news. An inhibited alert
/// carries its inhibitors, so the router leaves it out as it would its events.
/// </summary>
public sealed class FiringAlerts(AlertStore alerts, RuleEvaluator rules, SeriesCommodities commodities, IndicesStore indices)
{
    /// <summary>The firing alerts that pass <paramref name="filter"/>, with the top suppliers of their period when stored.</summary>
    public async Task<IReadOnlyList<AlertEvent>> MatchingAsync(SubscriptionFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var matching = new List<AlertEvent>();
        await foreach (var record in alerts.ListAsync(AlertStatus.Firing, cancellationToken))
        {
            if (record.LastEventId is not null && EventOf(record) is var e && SubscriptionMatcher.Matches(filter, e))
            {
                matching.Add(e with { TopSuppliers = await TopSuppliersAsync(record, e.Window, cancellationToken) });
            }
        }

        return matching;
    }

    private AlertEvent EventOf(AlertRecord r)
    {
        // The rule as configured now gives the name and window; a rule since removed keeps its id as its name.
        var rule = rules.Rules.FirstOrDefault(x => string.Equals(x.Id, r.RuleId, StringComparison.Ordinal));
        return new AlertEvent(
            r.LastEventId!, r.Fingerprint, r.RuleId, rule?.Name ?? r.RuleId, r.Severity, r.Product, r.CommodityName, r.Reporter, r.Flow,
            r.Period.ToString(), r.Basis, r.Metric, r.Value, r.Threshold, AlertState.Firing, [], null, null, r.FiredAt ?? r.UpdatedAt, r.RunId,
            rule?.Window ?? IndexSelection.Published, commodities.Of(r.Product), InhibitedBy: r.InhibitedBy);
    }

    private async Task<IReadOnlyList<SupplierShare>> TopSuppliersAsync(AlertRecord r, IndexSelection window, CancellationToken cancellationToken)
    {
        await foreach (var row in indices.ListAsync(r.Reporter, r.Product, cancellationToken))
        {
            var i = row.Indices;
            if (i.Series.Flow == r.Flow && i.Basis == r.Basis && i.Window == window && i.Period == r.Period)
            {
                return [.. i.Indices.TopSuppliers.Take(AlertLifecycle.EventTopSuppliers)];
            }
        }

        return [];
    }
}
