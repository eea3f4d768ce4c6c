using System.Globalization;
using Alerts.Evaluate.Lifecycle;

namespace Alerts.Deliver.Rendering;

/// <summary>
/// The words for an event's place in the alert lifecycle: the no-data alert's headlines, and the state line every
/// channel shows (how long a breach persisted before firing, how long a value was clear before resolving, since when
/// data is missing).
/// </summary>
public static class AlertStateText
{
    /// <summary>The headline of an event about missing data (<see cref="AlertEvent.NoData"/>).</summary>
    public static string NoDataHeadline(AlertEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var of = $"{AlertText.Where(e)} {AlertText.Flow(e)} of {AlertText.Commodity(e)} (by {AlertText.Basis(e)})";
        var rule = AlertText.Clean(e.RuleName, AlertText.MaxNameLength);
        return e.State switch
        {
            AlertState.Resolved => $"Data is back: {of} has data again for '{rule}'",
            AlertState.Firing => $"No data: '{rule}' fires for {of}, {Missing(e)}",
            _ => $"No data: {of}, {Missing(e)}",
        };
    }

    /// <summary>
    /// The state and how it came about, e.g. <c>firing (breaching since 2024-03)</c>, <c>resolved (clear since 2024-05)</c>,
    /// <c>no data (last data 2024-02)</c>; plain <c>firing</c> or <c>resolved</c> when the rule has no waits.
    /// </summary>
    public static string StateLine(AlertEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var since = e.Since is null ? null : AlertText.PeriodText(e, e.Since);
        return e.State switch
        {
            AlertState.NoData => "no data (" + Missing(e) + ")",
            AlertState.Firing when e.NoData => "firing (" + Missing(e) + ")",
            AlertState.Firing when since is not null => $"firing (breaching since {since})",
            AlertState.Resolved when e.NoData => "resolved (data is back)",
            AlertState.Resolved when since is not null => $"resolved (clear since {since})",
            AlertState.Resolved => "resolved",
            _ => "firing",
        };
    }

    private static string Missing(AlertEvent e) =>
        e.FailedRuns is { } runs
            ? string.Create(CultureInfo.InvariantCulture, $"the source failed {runs} runs in a row")
            : e.Since is { } last ? "no data after " + AlertText.PeriodText(e, last) : "no data in the pulled window";
}
