using Alerts.Compute.Engine;
using Alerts.Pull.Statistics;

namespace Alerts.Evaluate.Lifecycle;

/// <summary>
/// The stored state of one alert (one rule on one series and basis), the row of the <c>alerts</c> table.
/// </summary>
/// <param name="Period">The latest period evaluated.</param>
/// <param name="Value">The metric's value for <paramref name="Period"/>.</param>
/// <param name="Vintage">Data vintage of the last evaluation.</param>
/// <param name="AlertedPeriods">Values of the periods on which the alert fired (latest period while firing), so a
/// later vintage that revises one of them is noticed. Bounded to <see cref="AlertLifecycle.MaxAlertedPeriods"/>.</param>
/// <param name="UpdatedAt">When the record last changed; unchanged by runs that changed nothing.</param>
/// <param name="RunId">The run that last changed the record.</param>
public sealed record AlertRecord(
    string Fingerprint,
    string RuleId,
    string Reporter,
    string Product,
    TradeFlow Flow,
    Basis Basis,
    string Metric,
    string Severity,
    string CommodityName,
    AlertStatus State,
    Period Period,
    double Value,
    double Threshold,
    string Vintage,
    string? LastEventId,
    DateTimeOffset? FiredAt,
    DateTimeOffset? ResolvedAt,
    IReadOnlyDictionary<Period, AlertedPeriod> AlertedPeriods,
    DateTimeOffset UpdatedAt,
    string RunId)
{
    public SeriesKey Series => new(Reporter, Product, Flow);
}

/// <summary>The value an alerted period had, and the vintage it came from.</summary>
public readonly record struct AlertedPeriod(double Value, string Vintage);
