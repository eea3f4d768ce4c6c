using System.Globalization;
using Alerts.Evaluate.Rules;
using Alerts.Pull.Statistics;

namespace Alerts.Evaluate.Lifecycle;

/// <summary>
/// The no-data handling of one alert after a run (pure). A series has no data when the latest period the rule could
/// evaluate is <see cref="Rule.NoDataAfter"/> or more expected periods behind the newest period the run's data has, or
/// when the source failed that many runs in a row for its product. Then, per the rule's <see cref="NoDataPolicy"/>:
/// <list type="bullet">
/// <item><c>noData</c>: the alert is marked (API state <c>noData</c>) and a no-data event goes out; a resolve of it
/// follows once data is back. Its own state is kept underneath and goes on when data returns.</item>
/// <item><c>alerting</c>: the rule's alert fires (a firing event saying why) unless it is firing already; it resolves as
/// usual once data is back and clears.</item>
/// <item><c>keepLast</c>: nothing changes but the count of failed runs.</item>
/// </list>
/// </summary>
public static class NoDataCheck
{
    /// <param name="sourceFailed">The source failed this run for the series' product (nothing is known of its periods).</param>
    /// <param name="expected">The newest period the run's data has at the record's frequency; null when unknown.</param>
    public static AlertTransition Apply(AlertRecord record, Rule rule, bool sourceFailed, Period? expected, DateTimeOffset now, string runId)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(rule);
        var failedRuns = sourceFailed ? record.FailedRuns + 1 : 0;
        var behind = !sourceFailed && expected is { } e ? PeriodSteps.Between(record.Period, e) : 0;
        var missing = failedRuns >= rule.NoDataAfter || behind >= rule.NoDataAfter;
        var dataBack = !sourceFailed && behind < rule.NoDataAfter;
        var next = record with { FailedRuns = failedRuns };
        AlertEvent? raised = null;

        if (rule.NoData == NoDataPolicy.NoData && record.NoDataAt is null && missing)
        {
            next = next with { NoDataAt = now, LastDataPeriod = record.Period };
            raised = Event(record, rule, AlertState.NoData, "nodata", Detail(sourceFailed, failedRuns, expected), now, runId) with
            {
                Since = record.Period.ToString(),
                FailedRuns = sourceFailed ? failedRuns : null,
            };
        }
        else if (record.NoDataAt is not null && (dataBack || rule.NoData != NoDataPolicy.NoData))
        {
            // Data is back (or the rule no longer asks for the no-data state): the no-data alert resolves.
            next = next with { NoDataAt = null, LastDataPeriod = null };
            raised = Event(record, rule, AlertState.Resolved, "nodata-resolved", record.NoDataAt.Value.UtcTicks.ToString(CultureInfo.InvariantCulture), now, runId);
        }
        else if (rule.NoData == NoDataPolicy.Alerting && missing && !AlertStatuses.IsFiring(record.State))
        {
            next = next with { State = AlertStatus.Firing, Since = null, FiredAt = now, ResolvedAt = null };
            raised = Event(record, rule, AlertState.Firing, "nodata-firing", Detail(sourceFailed, failedRuns, expected), now, runId) with
            {
                Since = record.Period.ToString(),
                FailedRuns = sourceFailed ? failedRuns : null,
            };
        }

        if (next == record)
        {
            return new AlertTransition(record, [], false);
        }

        next = next with { UpdatedAt = now, RunId = runId, LastEventId = raised?.EventId ?? record.LastEventId };
        return new AlertTransition(next, raised is null ? [] : [raised], true);
    }

    /// <summary>The newest period at the frequency of <paramref name="period"/>: for an annual alert on monthly data,
    /// the last complete year (a year of months is complete with its December).</summary>
    public static Period? ExpectedFor(Period period, Period? newestMonth, Period? newestYear)
    {
        if (!period.IsAnnual)
        {
            return newestMonth;
        }

        Period? fromMonths = newestMonth is { } m ? Period.Annual(m.Month == 12 ? m.Year : m.Year - 1) : null;
        return fromMonths is { } y && (newestYear is null || y > newestYear.Value) ? y : newestYear;
    }

    private static string Detail(bool sourceFailed, int failedRuns, Period? expected) =>
        sourceFailed ? string.Create(CultureInfo.InvariantCulture, $"failed-{failedRuns}") : "behind-" + expected;

    // No-data events carry the record's last values: there is nothing newer.
    private static AlertEvent Event(AlertRecord r, Rule rule, AlertState state, string kind, string detail, DateTimeOffset now, string runId) => new(
        AlertFingerprint.NoDataEventId(r.Fingerprint, kind, r.Period, r.Vintage, detail),
        r.Fingerprint,
        rule.Id,
        rule.Name,
        r.Severity,
        r.Product,
        r.CommodityName,
        r.Reporter,
        r.Flow,
        r.Period.ToString(),
        r.Basis,
        r.Metric,
        r.Value,
        r.Threshold,
        state,
        [],
        null,
        null,
        now,
        runId,
        rule.Window,
        NoData: true)
    {
        Source = r.Source,
    };
}
