using System.Globalization;
using Alerts.Evaluate.Lifecycle;
using Alerts.Route.Notifications;

namespace Alerts.Deliver.Rendering;

/// <summary>
/// The summary at the top of a daily or weekly digest, shared by every channel: the span, how many alerts fired,
/// resolved and are still firing, one line per alert in each group, and the top movers. The alerts' own blocks follow.
/// </summary>
public static class DigestText
{
    /// <summary>Alerts named per group in the summary; a card must stay within the Teams size limit.</summary>
    public const int MaxLinesPerSection = 15;

    /// <summary>E.g. <c>[digest] Daily at 08:00 Europe/Brussels: 2 fired, 1 resolved, 3 still firing</c>.</summary>
    public static string Subject(Notification n, DigestSummary d)
    {
        ArgumentNullException.ThrowIfNull(n);
        ArgumentNullException.ThrowIfNull(d);
        var schedule = AlertText.Clean(d.Schedule, 80);
        return string.Create(CultureInfo.InvariantCulture,
            $"[digest] {char.ToUpperInvariant(schedule[0])}{schedule[1..]}: {d.Fired.Count} fired, {d.Resolved.Count} resolved, {d.StillFiring.Count} still firing");
    }

    /// <summary>The summary's lines: a heading per group followed by its alerts' headlines, then the top movers.</summary>
    public static IReadOnlyList<(bool Heading, string Text)> Lines(Notification n, DigestSummary d)
    {
        ArgumentNullException.ThrowIfNull(n);
        ArgumentNullException.ThrowIfNull(d);
        var byId = n.Events.GroupBy(e => e.EventId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var lines = new List<(bool, string)>
        {
            (false, string.Create(CultureInfo.InvariantCulture, $"From {d.From:yyyy-MM-dd HH:mm} to {d.To:yyyy-MM-dd HH:mm} UTC ({AlertText.Clean(d.Schedule, 80)})")),
        };
        Section("Fired", d.Fired, e => AlertText.Headline(e));
        Section("Resolved", d.Resolved, e => AlertText.Headline(e));
        Section("Still firing", d.StillFiring, e => AlertText.Headline(e));
        Section("Top movers", d.TopMovers, e => $"{AlertText.Headline(e)} (was {AlertText.Previous(e)})");
        return lines;

        void Section(string title, IReadOnlyList<string> ids, Func<AlertEvent, string> line)
        {
            var events = ids.Select(byId.GetValueOrDefault).OfType<AlertEvent>().ToList();
            if (events.Count == 0)
            {
                return;
            }

            lines.Add((true, string.Create(CultureInfo.InvariantCulture, $"{title} ({events.Count})")));
            lines.AddRange(events.Take(MaxLinesPerSection).Select(e => (false, "- " + line(e))));
            if (events.Count > MaxLinesPerSection)
            {
                lines.Add((false, string.Create(CultureInfo.InvariantCulture, $"- and {events.Count - MaxLinesPerSection} more")));
            }
        }
    }
}
