using Alerts.Compute.Series;
using Alerts.Evaluate.Lifecycle;
using Alerts.Evaluate.Rules;
using Alerts.Pull;
using Alerts.Pull.Sources;

namespace Alerts.Evaluate.Run;

/// <summary>What processing one series (or one product) produced.</summary>
public sealed record SeriesResult(ProductOutcome Outcome, IReadOnlyList<SeriesIndices> Indices, IReadOnlyList<AlertEvent> Events)
{
    public static SeriesResult Empty(ProductOutcome outcome) => new(outcome, [], []);
}
