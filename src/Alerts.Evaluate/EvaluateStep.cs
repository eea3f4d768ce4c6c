using Alerts.Compute.Engine;
using Alerts.Compute.Series;
using Alerts.Evaluate.Breaches;
using Alerts.Evaluate.Inhibition;
using Alerts.Evaluate.Lifecycle;
using Alerts.Evaluate.Rules;
using Microsoft.Extensions.Logging;

namespace Alerts.Evaluate;

/// <summary>
/// Step 3 for one series: the rules on its index rows, each alert advanced through its lifecycle, the events
/// published, then the alert saved. Events go out before the record that produced them is saved: their ids are
/// deterministic, so after a crash between the two the re-run publishes the same ids and the bus drops them as
/// duplicates. Inhibition (<see cref="Inhibitor"/>) is decided for the series as a whole before any alert is advanced:
/// from the alerts as they will stand after this run, so a source firing in this run inhibits its targets in this run.
/// </summary>
public sealed partial class EvaluateStep(
    RuleEvaluator rules,
    AlertStore alerts,
    BreachPublisher breaches,
    SeriesCommodities commodities,
    TimeProvider time,
    ILogger<EvaluateStep> logger,
    Inhibitor? inhibitor = null)
{
    /// <summary>The active rules (part of the pull state's computation fingerprint).</summary>
    public IReadOnlyList<Rule> Rules => rules.Rules;

    /// <summary>The windows the rules read, to be computed besides the stored ones.</summary>
    public IEnumerable<IndexSelection> Windows => rules.Rules.Select(r => r.Window);

    /// <returns>The events published, in order.</returns>
    /// <remarks><paramref name="indices"/> hold one series (its bases and windows), as <c>Run/SeriesProcessor</c> passes them.</remarks>
    public async Task<IReadOnlyList<AlertEvent>> EvaluateAsync(IReadOnlyList<SeriesIndices> indices, string vintage, string runId, CancellationToken cancellationToken)
    {
        var evaluations = rules.Evaluate(indices).ToList();
        var now = time.GetUtcNow();
        var inhibited = await InhibitedAsync(evaluations, vintage, now, runId, cancellationToken).ConfigureAwait(false);
        var events = new List<AlertEvent>();
        foreach (var evaluation in evaluations)
        {
            events.AddRange(await AdvanceAlertAsync(evaluation, inhibited, vintage, runId, cancellationToken).ConfigureAwait(false));
        }

        return events;
    }

    // The alerts of the evaluated series as this run leaves them (stored ones, advanced by their evaluation), through the inhibition rules.
    private async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> InhibitedAsync(
        List<SeriesEvaluation> evaluations, string vintage, DateTimeOffset now, string runId, CancellationToken cancellationToken)
    {
        if (inhibitor is null || inhibitor.Rules.Count == 0 || evaluations.Count == 0)
        {
            return new Dictionary<string, IReadOnlyList<string>>();
        }

        var after = new Dictionary<string, AlertRecord>(StringComparer.Ordinal);
        foreach (var series in evaluations.Select(e => e.Series).Distinct())
        {
            await foreach (var stored in alerts.ListBySeriesAsync(series.Reporter, series.Product, cancellationToken).ConfigureAwait(false))
            {
                if (stored.Flow == series.Flow)
                {
                    after[stored.Fingerprint] = stored;
                }
            }
        }

        foreach (var evaluation in evaluations)
        {
            var fingerprint = Fingerprint(evaluation);
            after[fingerprint] = AlertLifecycle.Apply(after.GetValueOrDefault(fingerprint), evaluation, vintage, now, runId).Record;
        }

        var windows = rules.Rules.ToDictionary(r => r.Id, r => r.Window, StringComparer.Ordinal);
        return inhibitor.Inhibited(after.Values, id => windows.TryGetValue(id, out var w) ? w : null);
    }

    private async Task<IReadOnlyList<AlertEvent>> AdvanceAlertAsync(
        SeriesEvaluation evaluation, IReadOnlyDictionary<string, IReadOnlyList<string>> inhibited, string vintage, string runId, CancellationToken cancellationToken)
    {
        var fingerprint = Fingerprint(evaluation);
        var inhibitedBy = inhibited.GetValueOrDefault(fingerprint) ?? [];
        var published = new List<AlertEvent>();
        await alerts.ApplyAsync(
            evaluation.Series,
            fingerprint,
            current => Advance(current, evaluation, inhibitedBy, vintage, runId),
            (transition, c) => PublishFreshAsync(transition, published, c),
            cancellationToken).ConfigureAwait(false);
        return published;
    }

    private AlertTransition Advance(AlertRecord? current, SeriesEvaluation evaluation, IReadOnlyList<string> inhibitedBy, string vintage, string runId)
    {
        var now = time.GetUtcNow();
        var transition = AlertLifecycle.Apply(current, evaluation, vintage, now, runId);
        return inhibitor is null ? transition : InhibitionTransition.Apply(transition, current, evaluation, inhibitedBy, vintage, now, runId);
    }

    private static string Fingerprint(SeriesEvaluation e) => AlertFingerprint.Compute(e.Rule.Id, e.Series, e.Basis, e.Rule.Window);

    // On a retry after an overlapping run stored first, events already published keep their ids and are not sent again.
    private async Task PublishFreshAsync(AlertTransition transition, List<AlertEvent> published, CancellationToken cancellationToken)
    {
        var fresh = await breaches.PublishFreshAsync(transition.Events, published, commodities.Of, cancellationToken).ConfigureAwait(false);
        foreach (var e in fresh)
        {
            LogEventPublished(e.Fingerprint, e.EventId, e.State, e.RuleId, e.Commodity, e.Value, e.InhibitedBy is { Count: > 0 } by ? string.Join(",", by) : "none");
            EvaluateTelemetry.RecordEvent(e);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Alert {Fingerprint} event {EventId} {State}: rule {RuleId} on {Commodity}, value {Value}, inhibited by {InhibitedBy}")]
    private partial void LogEventPublished(string fingerprint, string eventId, AlertState state, string ruleId, string commodity, double value, string inhibitedBy);
}
