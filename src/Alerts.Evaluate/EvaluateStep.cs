using Alerts.Compute.Engine;
using Alerts.Compute.Series;
using Alerts.Evaluate.Breaches;
using Alerts.Evaluate.Lifecycle;
using Alerts.Evaluate.Rules;
using Microsoft.Extensions.Logging;

namespace Alerts.Evaluate;

/// <summary>
/// Step 3 for one series: the rules on its index rows, each alert advanced through its lifecycle, the events
/// published, then the alert saved. Events go out before the record that produced them is saved: their ids are
/// deterministic, so after a crash between the two the re-run publishes the same ids and the bus drops them as
/// duplicates.
/// </summary>
public sealed partial class EvaluateStep(
    RuleEvaluator rules,
    AlertStore alerts,
    BreachPublisher breaches,
    SeriesCommodities commodities,
    TimeProvider time,
    ILogger<EvaluateStep> logger)
{
    /// <summary>The active rules (part of the pull state's computation fingerprint).</summary>
    public IReadOnlyList<Rule> Rules => rules.Rules;

    /// <summary>The windows the rules read, to be computed besides the stored ones.</summary>
    public IEnumerable<IndexSelection> Windows => rules.Rules.Select(r => r.Window);

    /// <returns>The events published, in order.</returns>
    public async Task<IReadOnlyList<AlertEvent>> EvaluateAsync(IReadOnlyList<SeriesIndices> indices, string vintage, string runId, CancellationToken cancellationToken)
    {
        var events = new List<AlertEvent>();
        foreach (var evaluation in rules.Evaluate(indices))
        {
            events.AddRange(await AdvanceAlertAsync(evaluation, vintage, runId, cancellationToken).ConfigureAwait(false));
        }

        return events;
    }

    private async Task<IReadOnlyList<AlertEvent>> AdvanceAlertAsync(SeriesEvaluation evaluation, string vintage, string runId, CancellationToken cancellationToken)
    {
        var fingerprint = AlertFingerprint.Compute(evaluation.Rule.Id, evaluation.Series, evaluation.Basis, evaluation.Rule.Window);
        var published = new List<AlertEvent>();
        await alerts.ApplyAsync(
            evaluation.Series,
            fingerprint,
            current => AlertLifecycle.Apply(current, evaluation, vintage, time.GetUtcNow(), runId),
            (transition, c) => PublishFreshAsync(transition, published, c),
            cancellationToken).ConfigureAwait(false);
        return published;
    }

    // On a retry after an overlapping run stored first, events already published keep their ids and are not sent again.
    private async Task PublishFreshAsync(AlertTransition transition, List<AlertEvent> published, CancellationToken cancellationToken)
    {
        var fresh = await breaches.PublishFreshAsync(transition.Events, published, commodities.Of, cancellationToken).ConfigureAwait(false);
        foreach (var e in fresh)
        {
            LogEventPublished(e.Fingerprint, e.EventId, e.State, e.RuleId, e.Commodity, e.Value);
            EvaluateTelemetry.RecordEvent(e);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Alert {Fingerprint} event {EventId} {State}: rule {RuleId} on {Commodity}, value {Value}")]
    private partial void LogEventPublished(string fingerprint, string eventId, AlertState state, string ruleId, string commodity, double value);
}
