using Alerts.Evaluate.Rules;
using Alerts.Pull.Statistics;

namespace Alerts.Evaluate.Lifecycle;

/// <summary>
/// The next state of an alert from the latest period of its series, with the rule's waits: a breach fires once it has
/// persisted <see cref="Rule.For"/> periods (pending until then), and a firing alert resolves once its value has been
/// clear for <see cref="Rule.KeepFiringFor"/> periods (recovering until then). Streaks are read from the evaluation's
/// periods (a first run on history fires at once when the breach has lasted long enough) and, where every period of
/// the window is in the streak, continued from the stored <c>since</c>. With both waits 0 it is the plain machine:
/// inactive or resolved fires on a breach, firing resolves on a clear value.
/// </summary>
public static class AlertStateMachine
{
    /// <param name="state">The stored state.</param>
    /// <param name="since">The stored first period of the streak (<see cref="AlertRecord.Since"/>).</param>
    /// <param name="firedBefore">The alert fired at some point: a pending alert whose breach stops goes back to resolved, else inactive.</param>
    public static (AlertStatus State, Period? Since) Next(AlertStatus state, Period? since, bool firedBefore, SeriesEvaluation evaluation)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        var rule = evaluation.Rule;
        var latest = evaluation.Latest;
        if (AlertStatuses.IsFiring(state))
        {
            if (!latest.Clears)
            {
                // Breaching again, or between the thresholds: a recovering alert is simply firing again (nothing is sent).
                return (AlertStatus.Firing, state == AlertStatus.Firing ? since : null);
            }

            var clearSince = StreakStart(evaluation, e => e.Clears, state == AlertStatus.Recovering ? since : null);
            return PeriodSteps.Between(clearSince, latest.Period) >= rule.KeepFiringFor
                ? (AlertStatus.Resolved, rule.KeepFiringFor > 0 ? clearSince : null)
                : (AlertStatus.Recovering, clearSince);
        }

        if (!latest.Breaches)
        {
            return state == AlertStatus.Pending ? (firedBefore ? AlertStatus.Resolved : AlertStatus.Inactive, null) : (state, null);
        }

        var breachSince = StreakStart(evaluation, e => e.Breaches, state == AlertStatus.Pending ? since : null);
        return PeriodSteps.Between(breachSince, latest.Period) >= rule.For
            ? (AlertStatus.Firing, rule.For > 0 ? breachSince : null)
            : (AlertStatus.Pending, breachSince);
    }

    // The first period of the unbroken run of periods ending at the latest for which the condition holds.
    private static Period StreakStart(SeriesEvaluation evaluation, Func<RuleEvaluation, bool> holds, Period? stored)
    {
        var periods = evaluation.Periods;
        var i = periods.Count - 1;
        while (i > 0 && holds(periods[i - 1]))
        {
            i--;
        }

        // The whole window is in the streak: it may have begun before the window, as the stored record remembers.
        return i == 0 && stored is { } s && s < periods[0].Period ? s : periods[i].Period;
    }
}
