using Alerts.Compute.Series;
using Alerts.Evaluate.Lifecycle;
using Alerts.Evaluate.Rules;
using Alerts.Pull;
using Alerts.Pull.Sources;

namespace Alerts.Evaluate.Run;

/// <summary>
/// What one pull or recalculation did: per product fetched / unchanged / skipped / failed, the indices it
/// computed and the alert events it published. Logged at the end of a run and returned by
/// <c>POST /api/recalculations</c>.
/// </summary>
public sealed record PullReport(
    string RunId,
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt,
    IReadOnlyList<ProductOutcome> Products,
    IReadOnlyList<SeriesIndices> Indices,
    IReadOnlyList<AlertEvent> Events)
{
    public int Count(ProductStatus status) => Products.Count(p => p.Status == status);
}
