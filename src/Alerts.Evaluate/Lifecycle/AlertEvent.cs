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
    IReadOnlyList<string>? CommodityIds = null);

/// <summary>What a revision between two data vintages changed for an alerted period.</summary>
public sealed record Revision(string Period, double OldValue, double NewValue, string? OldVintage, string? NewVintage);
