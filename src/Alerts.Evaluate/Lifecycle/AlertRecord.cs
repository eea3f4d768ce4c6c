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
/// <param name="Since">First period of the streak the state waits on: the first breaching period while pending or firing
/// under a rule's <c>for</c>, the first clear period while recovering; null otherwise.</param>
/// <param name="FailedRuns">Runs in a row in which the source failed for the series' product (0 once one succeeds).</param>
/// <param name="NoDataAt">When the series was found without data under the rule's default no-data handling (state
/// <c>noData</c> in the API); null while data comes.</param>
/// <param name="LastDataPeriod">While <see cref="NoDataAt"/> is set: the last period with data it was seen to have.</param>
/// <param name="InhibitedBy">Fingerprints of the firing alerts inhibiting this one (<c>Inhibition/</c>) as of the last
/// run; null when none (and for rows written before inhibition existed).</param>
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
    string RunId,
    Period? Since = null,
    int FailedRuns = 0,
    DateTimeOffset? NoDataAt = null,
    Period? LastDataPeriod = null,
    IReadOnlyList<string>? InhibitedBy = null)
{
    /// <summary>The state the API shows: <c>noData</c> while the series has no data, else <see cref="State"/> by name.</summary>
    public string DisplayState => NoDataAt is not null ? "noData" : AlertStatuses.Name(State);

    /// <summary>The source of the series (<c>comext</c>, <c>comtrade</c>); rows written before sources were told apart are Comext's.</summary>
    public string Source { get; init; } = SeriesKey.DefaultSource;

    public SeriesKey Series => new(Reporter, Product, Flow) { Source = Source };
}

/// <summary>The value an alerted period had, and the vintage it came from.</summary>
public readonly record struct AlertedPeriod(double Value, string Vintage);
