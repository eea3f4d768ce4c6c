using Alerts.Compute.Engine;
using Alerts.Compute.Series;
using Alerts.Pull.Statistics;

namespace Alerts.Evaluate.Rules;

/// <summary>
/// One rule over every period of one series on one basis, oldest first. The alert's state follows the
/// <see cref="Latest"/> period; the earlier ones are there so a revision of a period that already alerted
/// can be noticed.
/// </summary>
public sealed record SeriesEvaluation(Rule Rule, SeriesKey Series, Basis Basis, IReadOnlyList<RuleEvaluation> Periods)
{
    public RuleEvaluation Latest => Periods[^1];

    /// <summary>The evaluation of <paramref name="period"/>, or null when the series has no data for it.</summary>
    public RuleEvaluation? Find(Period period)
    {
        foreach (var p in Periods)
        {
            if (p.Period == period)
            {
                return p;
            }
        }

        return null;
    }

    /// <summary>The evaluation of the period before the latest, or null.</summary>
    public RuleEvaluation? BeforeLatest => Periods.Count > 1 ? Periods[^2] : null;
}
