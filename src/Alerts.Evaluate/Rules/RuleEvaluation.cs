using Alerts.Compute.Engine;
using Alerts.Compute.Series;
using Alerts.Pull.Statistics;

namespace Alerts.Evaluate.Rules;

/// <summary>The outcome of one rule on one (series, basis, period).</summary>
/// <param name="Breaches">The breach condition holds: an inactive or resolved alert fires.</param>
/// <param name="Clears">The value is back past the clear threshold: a firing alert resolves.
/// Between the two thresholds neither holds and the alert keeps its state.</param>
public sealed record RuleEvaluation(
    Rule Rule,
    SeriesKey Series,
    Basis Basis,
    Period Period,
    double Value,
    bool Breaches,
    bool Clears,
    ConcentrationIndices Indices,
    string? CommodityName = null)
{
    public double Threshold => Rule.Threshold;
}
