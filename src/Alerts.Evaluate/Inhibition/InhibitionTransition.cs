using Alerts.Evaluate.Lifecycle;
using Alerts.Evaluate.Rules;

namespace Alerts.Evaluate.Inhibition;

/// <summary>
/// Puts a run's inhibition on an alert's transition: the record keeps <c>InhibitedBy</c>; a firing event of an
/// inhibited alert carries it (routing holds it, as a silenced one); a resolve never does, so a subscriber told the
/// alert firing before its inhibitor fired is told the resolve. When the inhibition of a firing alert ends without a
/// state change, an extra firing event without <c>InhibitedBy</c> is published (its own id), so routing releases what
/// it held. Pure.
/// </summary>
public static class InhibitionTransition
{
    /// <param name="transition">What <see cref="AlertLifecycle"/> made of the evaluation.</param>
    /// <param name="before">The stored record the transition started from (null: a new alert).</param>
    /// <param name="inhibitedBy">The fingerprints of the alerts inhibiting this one after the run (empty: not inhibited).</param>
    public static AlertTransition Apply(
        AlertTransition transition, AlertRecord? before, SeriesEvaluation evaluation, IReadOnlyList<string> inhibitedBy, string vintage, DateTimeOffset now, string runId)
    {
        ArgumentNullException.ThrowIfNull(transition);
        ArgumentNullException.ThrowIfNull(evaluation);
        ArgumentNullException.ThrowIfNull(inhibitedBy);
        var was = before?.InhibitedBy ?? [];
        var events = transition.Events
            .Select(e => e.State == AlertState.Firing && inhibitedBy.Count > 0 ? e with { InhibitedBy = inhibitedBy } : e)
            .ToList();
        var record = transition.Record;
        if (was.Count > 0 && inhibitedBy.Count == 0 && AlertStatuses.IsFiring(record.State)
            && record.Period == evaluation.Latest.Period && !events.Exists(e => e.State == AlertState.Firing))
        {
            var lifted = AlertLifecycle.CreateEvent(record.Fingerprint, AlertState.Firing, evaluation.Latest, evaluation.BeforeLatest?.Value ?? before?.Value, null, vintage, now, runId);
            events.Add(lifted with { EventId = AlertFingerprint.InhibitionLiftedEventId(record.Fingerprint, evaluation.Latest.Period, vintage, was), Since = record.Since?.ToString() });
        }

        var inhibitionChanged = !was.SequenceEqual(inhibitedBy, StringComparer.Ordinal);
        if (!transition.Changed && !inhibitionChanged && events.Count == transition.Events.Count)
        {
            return transition;
        }

        record = record with { InhibitedBy = inhibitedBy.Count == 0 ? null : inhibitedBy };
        if (!transition.Changed)
        {
            record = record with { UpdatedAt = now, RunId = runId };
        }

        if (events.Count > transition.Events.Count)
        {
            record = record with { LastEventId = events[^1].EventId };
        }

        return new AlertTransition(record, events, true);
    }
}
