using Alerts.Core.Alerts;
using Alerts.Pipeline.Pull;

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
