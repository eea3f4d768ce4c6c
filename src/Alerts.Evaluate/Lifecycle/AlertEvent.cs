using Alerts.Compute.Engine;
using Alerts.Pull.Statistics;

namespace Alerts.Evaluate.Lifecycle;

/// <summary>
/// A change in an alert's state: the body of a <c>breaches</c> message.
/// </summary>
/// <param name="EventId">Deterministic id of this event (the Service Bus MessageId): alert fingerprint + state + period + vintage.</param>
/// <param name="Fingerprint">Identity of the alert (rule + series + basis); the correlation id from pull to delivery.</param>
/// <param name="Commodity">Commodity id from the catalog, or the product code when the series is a single product.</param>
/// <param name="Metric">Index the rule tested, e.g. <c>cr1</c> or <c>hhi</c>.</param>
/// <param name="PreviousValue">The metric's value in the previous vintage or period, when known.</param>
/// <param name="Revision">Set when a data revision changed an already-alerted period: what changed.</param>
/// <param name="RunId">Id of the pull or recalculation run that produced the event.</param>
/// <param name="Window">The rule's window: <see cref="Period"/> is a published period (default), or a month, a
/// year or the last month of a rolling 12-month window.</param>
/// <param name="CommodityIds">For a product series: the catalog commodities it stands in for (<see cref="Catalog.CommodityStandIns"/>),
/// so subscriptions by commodity id match it; null or empty when none, or for events written before it was kept.</param>
/// <param name="NoData">The event is about missing data, not about the value: state <see cref="AlertState.NoData"/> (and its
/// <see cref="AlertState.Resolved"/> when data is back) is the no-data alert, routed only to subscriptions asking for
/// <c>noData</c>; <see cref="AlertState.Firing"/> is the rule's own alert fired by a rule with <c>"noData": "alerting"</c>.</param>
/// <param name="Since">The period the decisive streak began: the first breaching period of an alert that fired after its
/// rule's <c>for</c>, the first clear period of one that resolved after <c>keepFiringFor</c>, or the last period with data
/// of a no-data event (null when the series has none in the pulled window). Null otherwise.</param>
/// <param name="FailedRuns">For a no-data event raised by the source failing: the failed runs in a row.</param>
/// <param name="InhibitedBy">On a firing event: the fingerprints of the firing alerts that inhibit this one (routing holds
/// it as it holds a silenced one); null when not inhibited. A resolve never carries it.</param>
public sealed record AlertEvent(
    string EventId,
    string Fingerprint,
    string RuleId,
    string RuleName,
    string Severity,
    string Commodity,
    string CommodityName,
    string Reporter,
    TradeFlow Flow,
    string Period,
    Basis Basis,
    string Metric,
    double Value,
    double Threshold,
    AlertState State,
    IReadOnlyList<SupplierShare> TopSuppliers,
    double? PreviousValue,
    Revision? Revision,
    DateTimeOffset OccurredAt,
    string RunId,
    IndexSelection Window = IndexSelection.Published,
    IReadOnlyList<string>? CommodityIds = null,
    bool NoData = false,
    string? Since = null,
    int? FailedRuns = null,
    IReadOnlyList<string>? InhibitedBy = null)
{
    /// <summary>
    /// The source of the series (<c>comext</c>, <c>comtrade</c>), so a deployment pulling both (<c>Pull:Sources</c>) tells their
    /// alerts apart; events written before sources were told apart read as Comext's.
    /// </summary>
    public string Source { get; init; } = SeriesKey.DefaultSource;

    /// <summary>A firing event of an alert that an inhibition rule mutes while its source fires.</summary>
    public static bool IsInhibited(AlertEvent alertEvent)
    {
        ArgumentNullException.ThrowIfNull(alertEvent);
        return alertEvent.State == AlertState.Firing && alertEvent.InhibitedBy is { Count: > 0 };
    }

    /// <summary>The event belongs to the no-data alert (state noData, or its resolve), which only <c>noData</c> subscriptions hear.</summary>
    public static bool IsNoDataAlert(AlertEvent alertEvent)
    {
        ArgumentNullException.ThrowIfNull(alertEvent);
        return alertEvent.NoData && alertEvent.State != AlertState.Firing;
    }
}

/// <summary>What a revision between two data vintages changed for an alerted period.</summary>
public sealed record Revision(string Period, double OldValue, double NewValue, string? OldVintage, string? NewVintage);
