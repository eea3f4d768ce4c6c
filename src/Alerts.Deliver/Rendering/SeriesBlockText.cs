using Alerts.Evaluate.Lifecycle;

namespace Alerts.Deliver.Rendering;

/// <summary>
/// The words of a <see cref="SeriesBlock"/> beyond its headline: one line for each other metric of the series, so
/// the reader meets the series once (one headline, one supplier table) and the further rules as facts about it.
/// </summary>
public static class SeriesBlockText
{
    /// <summary>
    /// E.g. <c>HHI is 8,317 - above 2,500, previously 7,900</c>, or for a resolved event <c>HHI is back below 2,500: 2,310</c>;
    /// a revision is added after a semicolon. The channels put the severity tag before it and the rule after it (<see cref="Rule"/>).
    /// </summary>
    public static string MetricLine(AlertEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var label = AlertText.MetricLabel(e.Metric);
        label = label.Length == 0 ? label : char.ToUpperInvariant(label[0]) + label[1..];
        var value = AlertText.FormatValue(e.Metric, e.Value);
        var threshold = AlertText.FormatValue(e.Metric, e.Threshold);
        var line = e.State == AlertState.Resolved
            ? $"{label} is back {(e.Value >= e.Threshold ? "above" : "below")} {threshold}: {value}"
            : $"{label} is {value} - {(e.Value >= e.Threshold ? "above" : "below")} {threshold}";
        if (AlertText.Previous(e) is { } previous)
        {
            line += ", previously " + previous;
        }

        if (AlertText.RevisionNote(e) is { } revision)
        {
            line += "; revision: " + revision;
        }

        return line;
    }

    /// <summary><c>rule: High concentration (hhi-2500)</c>.</summary>
    public static string Rule(AlertEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return "rule: " + AlertText.Clean(e.RuleName, 120) + " (" + AlertText.Clean(e.RuleId, 64) + ")";
    }
}
