using Alerts.Functions.Compute;
using Alerts.Compute.Series;
using Alerts.Evaluate.Lifecycle;
using Alerts.Evaluate.Run;
using Alerts.Pull;
using Alerts.Pull.Sources;

namespace Alerts.Functions.Pull;

/// <summary>The response of <c>POST /api/recalculations</c>.</summary>
public sealed record RecalculationResult(
    string RunId,
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt,
    IReadOnlyDictionary<string, int> Summary,
    IReadOnlyList<ProductOutcome> Products,
    IReadOnlyList<IndexSummary> Indices,
    IReadOnlyList<AlertEvent> AlertChanges)
{
    public static RecalculationResult From(PullReport report) => new(
        report.RunId,
        report.StartedAt,
        report.FinishedAt,
        Enum.GetValues<ProductStatus>().ToDictionary(s => s.ToString().ToLowerInvariant(), report.Count),
        report.Products,
        [.. report.Indices.Select(IndexSummary.From)],
        report.Events);
}
