using Alerts.Compute.Engine;
using Alerts.Compute.Series;
using Alerts.Evaluate.Rules;
using Alerts.Pull.Statistics;

namespace Alerts.Evaluate.Lifecycle;

/// <summary>
/// The alert lifecycle. The state follows the latest period of the series (<see cref="AlertStateMachine"/>):
/// <list type="bullet">
/// <item>inactive or resolved, latest period breaches: fires (a <c>firing</c> event), or with a rule's <c>for</c> waits
/// as pending (no event) until the breach has persisted that many periods;</item>
/// <item>firing, latest period clears (past the clear threshold): resolves (a <c>resolved</c> event), or with a rule's
/// <c>keepFiringFor</c> stays firing as recovering (no event) until the value has been clear that many periods;</item>
/// <item>firing and still firing, or between the thresholds: no event;</item>
/// <item>a new vintage changed the value of a period on which the alert fired: an event carrying a
/// <see cref="Revision"/> (old and new value). When that period is the latest and the state changes too, the
/// state event carries the revision.</item>
/// </list>
/// An evaluation whose latest period is older than the stored one (e.g. a recalculation of an old window)
/// does not change the state; it can still report revisions. The function is pure: the same inputs give
/// the same record and the same event ids, so a re-run is dropped by duplicate detection downstream.
/// </summary>
public static class AlertLifecycle
{
    /// <summary>How many alerted periods a record remembers (the newest); two years of months plus margin.</summary>
    public const int MaxAlertedPeriods = 36;

    /// <summary>Top suppliers carried by an event; keeps messages small when many events are grouped.</summary>
    public const int EventTopSuppliers = 5;

    /// <summary>Applies an evaluation of one period (the series' latest).</summary>
    public static AlertTransition Apply(AlertRecord? record, RuleEvaluation evaluation, string vintage, DateTimeOffset now, string runId)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        return Apply(record, new SeriesEvaluation(evaluation.Rule, evaluation.Series, evaluation.Basis, [evaluation]), vintage, now, runId);
    }

    /// <summary>Applies the evaluation of a series (all its periods in the pulled window) to the stored record.</summary>
    /// <param name="record">The stored record, or null when the alert has never been evaluated.</param>
    /// <param name="vintage">The data vintage the indices were computed from (part of event ids).</param>
    public static AlertTransition Apply(AlertRecord? record, SeriesEvaluation evaluation, string vintage, DateTimeOffset now, string runId)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        ArgumentException.ThrowIfNullOrWhiteSpace(vintage);
        ArgumentException.ThrowIfNullOrWhiteSpace(runId);
        if (evaluation.Periods.Count == 0)
        {
            throw new ArgumentException("The evaluation has no period.", nameof(evaluation));
        }

        var rule = evaluation.Rule;
        var latest = evaluation.Latest;
        var fingerprint = AlertFingerprint.Compute(rule.Id, evaluation.Series, evaluation.Basis, rule.Window);
        if (record is not null && record.Fingerprint != fingerprint)
        {
            throw new ArgumentException($"Record {record.Fingerprint} is not the alert of rule '{rule.Id}' on {evaluation.Series} ({evaluation.Basis}).", nameof(record));
        }

        var oldState = record?.State ?? AlertStatus.Inactive;
        var alerted = new SortedDictionary<Period, AlertedPeriod>(
            record?.AlertedPeriods.ToDictionary() ?? []);
        var revisions = Revise(alerted, evaluation, vintage);

        // A stale evaluation (older than the stored latest period) keeps the state; it can still report revisions.
        var stale = record is not null && latest.Period < record.Period;
        var (newState, since) = stale
            ? (oldState, record!.Since)
            : AlertStateMachine.Next(oldState, record?.Since, record?.FiredAt is not null, evaluation);
        var events = CreateEvents(fingerprint, oldState, newState, since, evaluation, record, revisions, vintage, now, runId);

        if (newState == AlertStatus.Firing && !stale)
        {
            alerted[latest.Period] = new AlertedPeriod(latest.Value, alerted.TryGetValue(latest.Period, out var known) && !Differs(known.Value, latest.Value) ? known.Vintage : vintage);
        }

        while (alerted.Count > MaxAlertedPeriods)
        {
            alerted.Remove(alerted.Keys.First());
        }

        var candidate = NextRecord(record, fingerprint, evaluation, oldState, newState, stale, events, alerted, vintage, now, runId) with { Since = since };
        var changed = record is null || events.Count > 0 || !SameState(record, candidate);
        if (changed)
        {
            candidate = candidate with { UpdatedAt = now, RunId = runId };
        }

        return new AlertTransition(changed ? candidate : record!, events, changed);
    }

    // Periods the alert fired on whose value a new vintage changed: each a revision, and the period re-stamped.
    private static List<Revision> Revise(SortedDictionary<Period, AlertedPeriod> alerted, SeriesEvaluation evaluation, string vintage)
    {
        var revisions = new List<Revision>();
        foreach (var (period, before) in alerted.ToList())
        {
            if (evaluation.Find(period) is { } now && Differs(before.Value, now.Value))
            {
                revisions.Add(new Revision(period.ToString(), before.Value, now.Value, before.Vintage, vintage));
                alerted[period] = new AlertedPeriod(now.Value, vintage);
            }
        }

        return revisions;
    }

    // Only firing and resolving are news: entering or leaving pending or recovering sends nothing.
    private static AlertState? StateEvent(AlertStatus oldState, AlertStatus newState) =>
        newState == AlertStatus.Firing && !AlertStatuses.IsFiring(oldState) ? AlertState.Firing
        : newState == AlertStatus.Resolved && AlertStatuses.IsFiring(oldState) ? AlertState.Resolved
        : null;

    // A state change first (carrying the latest period's revision, if any), then one event per other revision.
    private static List<AlertEvent> CreateEvents(
        string fingerprint, AlertStatus oldState, AlertStatus newState, Period? since, SeriesEvaluation evaluation, AlertRecord? record,
        List<Revision> revisions, string vintage, DateTimeOffset now, string runId)
    {
        var latest = evaluation.Latest;
        var events = new List<AlertEvent>();
        if (StateEvent(oldState, newState) is { } change)
        {
            var latestRevision = revisions.FirstOrDefault(r => r.Period == latest.Period.ToString());
            if (latestRevision is not null)
            {
                revisions.Remove(latestRevision);
            }

            var previous = latestRevision?.OldValue ?? evaluation.BeforeLatest?.Value ?? record?.Value;
            events.Add(CreateEvent(fingerprint, change, latest, previous, latestRevision, vintage, now, runId) with { Since = since?.ToString() });
        }

        foreach (var revision in revisions)
        {
            var revised = evaluation.Find(Period.Parse(revision.Period))!;
            var state = AlertStatuses.IsFiring(newState) ? AlertState.Firing : AlertState.Resolved;
            events.Add(CreateEvent(fingerprint, state, revised, revision.OldValue, revision, vintage, now, runId));
        }

        return events;
    }

    // The record after the evaluation, still with the stored UpdatedAt and RunId (stamped only when it changed).
    private static AlertRecord NextRecord(
        AlertRecord? record, string fingerprint, SeriesEvaluation evaluation, AlertStatus oldState, AlertStatus newState, bool stale,
        List<AlertEvent> events, SortedDictionary<Period, AlertedPeriod> alerted, string vintage, DateTimeOffset now, string runId)
    {
        var rule = evaluation.Rule;
        var latest = evaluation.Latest;
        var fired = StateEvent(oldState, newState) == AlertState.Firing;
        var resolved = StateEvent(oldState, newState) == AlertState.Resolved;
        return new AlertRecord(
            fingerprint,
            rule.Id,
            evaluation.Series.Reporter,
            evaluation.Series.Product,
            evaluation.Series.Flow,
            evaluation.Basis,
            rule.Metric,
            rule.Severity,
            latest.CommodityName ?? record?.CommodityName ?? evaluation.Series.Product,
            newState,
            stale ? record!.Period : latest.Period,
            stale ? record!.Value : latest.Value,
            rule.Threshold,
            stale ? record!.Vintage : vintage,
            events.Count > 0 ? events[^1].EventId : record?.LastEventId,
            fired ? now : record?.FiredAt,
            resolved ? now : AlertStatuses.IsFiring(newState) ? null : record?.ResolvedAt,
            alerted,
            record?.UpdatedAt ?? now,
            record?.RunId ?? runId,
            record?.Since,
            record?.FailedRuns ?? 0,
            record?.NoDataAt,
            record?.LastDataPeriod,
            record?.InhibitedBy)
        {
            Source = evaluation.Series.Source,
        };
    }

    internal static AlertEvent CreateEvent(
        string fingerprint, AlertState state, RuleEvaluation e, double? previous, Revision? revision, string vintage, DateTimeOffset now, string runId)
    {
        return new AlertEvent(
            AlertFingerprint.EventId(fingerprint, state, e.Period, vintage),
            fingerprint,
            e.Rule.Id,
            e.Rule.Name,
            e.Rule.Severity,
            e.Series.Product,
            e.CommodityName ?? e.Series.Product,
            e.Series.Reporter,
            e.Series.Flow,
            e.Period.ToString(),
            e.Basis,
            e.Rule.Metric,
            e.Value,
            e.Threshold,
            state,
            [.. e.Indices.TopSuppliers.Take(EventTopSuppliers)],
            previous,
            revision,
            now,
            runId,
            e.Rule.Window)
        {
            Source = e.Series.Source,
        };
    }

    private static bool SameState(AlertRecord a, AlertRecord b) =>
        a.State == b.State
        && a.Period == b.Period
        && !Differs(a.Value, b.Value)
        && a.Threshold.Equals(b.Threshold)
        && a.Severity == b.Severity
        && a.Metric == b.Metric
        && a.CommodityName == b.CommodityName
        && a.Vintage == b.Vintage
        && a.LastEventId == b.LastEventId
        && a.FiredAt == b.FiredAt
        && a.ResolvedAt == b.ResolvedAt
        && a.Since == b.Since
        && a.FailedRuns == b.FailedRuns
        && a.NoDataAt == b.NoDataAt
        && a.LastDataPeriod == b.LastDataPeriod
        && a.AlertedPeriods.Count == b.AlertedPeriods.Count
        && a.AlertedPeriods.All(p => b.AlertedPeriods.TryGetValue(p.Key, out var v) && v == p.Value);

    // Indices are recomputed from decimals each run; only a real change of the data is a revision.
    private static bool Differs(double a, double b) =>
        Math.Abs(a - b) > 1e-9 * Math.Max(1, Math.Max(Math.Abs(a), Math.Abs(b)));
}
