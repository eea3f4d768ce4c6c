using Alerts.Compute.Engine;
using Alerts.Compute.Series;
using Alerts.Pull.Catalog;
using Alerts.Pull.Statistics;

namespace Alerts.Evaluate.Rules;

/// <summary>
/// A threshold rule on one concentration metric. A series breaches when <c>metric op Threshold</c> holds; a
/// firing alert clears only when <c>metric op ClearThreshold</c> no longer holds, so a value hovering at
/// the threshold does not flap (hysteresis). Without a clear threshold the alert clears as soon as the
/// breach condition stops holding.
/// </summary>
/// <param name="Id">Stable id (part of the alert fingerprint): lower-case letters, digits and '-'.</param>
/// <param name="Metric">A name from <see cref="MetricCatalog"/>, e.g. <c>cr1</c>.</param>
/// <param name="Severity">One of <see cref="Severities"/>.</param>
/// <param name="Basis">Only this basis; null = every basis.</param>
/// <param name="Flow">Only this flow; null = every flow.</param>
/// <param name="Commodities">Only these commodity ids or product codes (case-insensitive); empty = all. A commodity id
/// covers its series at every stage (<c>rare-earths</c> covers <c>rare-earths/metal</c>).</param>
/// <param name="Reporters">Only these reporters; empty = all.</param>
/// <param name="ClearThreshold">For upward rules at most <paramref name="Threshold"/>, for downward rules at least it.</param>
/// <param name="Window">Which index rows the rule reads: the periods as published (default), or the monthly,
/// annual or rolling 12-month rows. A rule other than published is part of its alerts' fingerprint.</param>
/// <param name="For">Periods a breach must persist before the alert fires (state <c>pending</c> meanwhile): 0 fires on
/// the first breaching period, 2 on the third consecutive one (counted on the calendar from the first breaching period).</param>
/// <param name="KeepFiringFor">Periods a firing alert stays firing after its value clears (state <c>recovering</c>
/// meanwhile): 0 resolves on the first clear period.</param>
/// <param name="NoData">What missing data does to the alert (<see cref="NoDataPolicy"/>).</param>
/// <param name="NoDataAfter">Expected periods without data, or failed runs of the source in a row, that count as no data.</param>
public sealed record Rule(
    string Id,
    string Name,
    string Metric,
    ComparisonOperator Operator,
    double Threshold,
    string Severity,
    Basis? Basis = null,
    TradeFlow? Flow = null,
    IReadOnlyList<string>? Commodities = null,
    IReadOnlyList<string>? Reporters = null,
    double? ClearThreshold = null,
    string? Description = null,
    IndexSelection Window = IndexSelection.Published,
    int For = 0,
    int KeepFiringFor = 0,
    NoDataPolicy NoData = NoDataPolicy.NoData,
    int NoDataAfter = Rule.DefaultNoDataAfter)
{
    /// <summary>Periods (or failed runs) without data before the no-data handling applies, unless a rule says otherwise.</summary>
    public const int DefaultNoDataAfter = 3;

    /// <summary>Upper bound of <see cref="For"/>, <see cref="KeepFiringFor"/> and <see cref="NoDataAfter"/>: ten years of months.</summary>
    public const int MaxPeriods = 120;

    /// <summary>The threshold a firing alert must fall back past to resolve.</summary>
    public double EffectiveClearThreshold => ClearThreshold ?? Threshold;

    /// <summary>Whether the rule looks at this series on this basis.</summary>
    /// <param name="commodityIds">The catalog commodities the series' product stands in for: a rule scoped to a commodity
    /// id applies to those products as well as to the commodity's own series.</param>
    public bool AppliesTo(SeriesKey series, Basis basis, IReadOnlyList<string>? commodityIds = null) =>
        (Basis is null || Basis == basis)
        && (Flow is null || Flow == series.Flow)
        && (InScope(Commodities, series.Product)
            || (CommodityNames.TryParseSeries(series.Product, out var id, out _) && InScope(Commodities, id))
            || (commodityIds?.Any(c => InScope(Commodities, c)) ?? false))
        && InScope(Reporters, series.Reporter);

    /// <summary>The breach condition holds for <paramref name="value"/>.</summary>
    public bool Breaches(double value) => Operator.Holds(value, Threshold);

    /// <summary>A firing alert with this value resolves (the condition no longer holds at the clear threshold).</summary>
    public bool Clears(double value) => !double.IsNaN(value) && !Operator.Holds(value, EffectiveClearThreshold);

    /// <summary>E.g. <c>cr1 &gt; 0.65</c>.</summary>
    public string Condition => FormattableString.Invariant($"{Metric} {Operator.ToSymbol()} {Threshold}");

    private static bool InScope(IReadOnlyList<string>? scope, string value) =>
        scope is null || scope.Count == 0 || scope.Any(s => string.Equals(s, value, StringComparison.OrdinalIgnoreCase));
}
