using Alerts.Core.Alerts;
using Alerts.Core.Rules;

namespace Alerts.Pipeline.Pull;

/// <summary>What processing one series (or one product) produced.</summary>
public sealed record SeriesResult(ProductOutcome Outcome, IReadOnlyList<SeriesIndices> Indices, IReadOnlyList<AlertEvent> Events)
{
    public static SeriesResult Empty(ProductOutcome outcome) => new(outcome, [], []);
}
