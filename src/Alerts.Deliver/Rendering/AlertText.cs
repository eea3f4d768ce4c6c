using System.Globalization;
using Alerts.Compute.Engine;
using Alerts.Deliver.Email;
using Alerts.Deliver.Teams;
using Alerts.Evaluate.Lifecycle;
using Alerts.Pull.Statistics;
using Alerts.Route.NotificationLog;
using Alerts.Route.Notifications;
using Alerts.Route.Routing;
using Alerts.Route.Silences;
using Alerts.Route.Subscriptions;

namespace Alerts.Deliver.Rendering;

/// <summary>
/// The words shared by every channel: what happened, where and how bad, in one line, plus the formatted
/// facts. Dynamic text is cleaned of control characters and clipped here; channels escape for their format.
/// </summary>
public static class AlertText
{
    public const int MaxNameLength = 120;
    public const int MaxSubjectLength = 250;

    /// <summary>
    /// E.g. <c>China supplies 91.2% of EU imports of rare-earth permanent magnets (2024, by weight) - above 65%</c>,
    /// or for a resolved event <c>Resolved: largest supplier's share of ... is back below 65% (2024, by weight): China 46.3%</c>.
    /// A rule on another window than the published periods says which: <c>(rolling 12 months to 2024-06, by weight)</c>.
    /// </summary>
    public static string Headline(AlertEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (e.NoData)
        {
            return AlertStateText.NoDataHeadline(e);
        }
        var of = string.Create(CultureInfo.InvariantCulture, $"{Where(e)} {Flow(e)} of {Commodity(e)}");
        var when = string.Create(CultureInfo.InvariantCulture, $"({PeriodText(e, e.Period)}, by {Basis(e)})");
        var direction = e.Value >= e.Threshold ? "above" : "below";
        var value = FormatValue(e.Metric, e.Value);
        var threshold = FormatValue(e.Metric, e.Threshold);
        var top = e.TopSuppliers.Count > 0 ? Clean(CountryNames.Of(e.TopSuppliers[0].Partner), 60) : null;
        var metric = Metric(e.Metric);

        // The consumption proxy is a share of what the reporter uses, not of what it imports: say so.
        var consumption = string.Create(CultureInfo.InvariantCulture, $"{Where(e)} apparent consumption of {Commodity(e)}");
        var risk = string.Create(CultureInfo.InvariantCulture, $"{Where(e)} supply risk (2017 method) of {Commodity(e)}");
        var topValue = top is null ? value : top + " " + value;
        if (e.State == AlertState.Resolved)
        {
            var back = e.Value >= e.Threshold ? "back above" : "back below";
            return metric switch
            {
                "cr1" or "crmaimportshare" => $"Resolved: largest supplier's share of {of} is {back} {threshold} {when}: {topValue}",
                "crmaconsumptionshare" => $"Resolved: largest supplier's share of {consumption} is {back} {threshold} {when}: {topValue}",
                "supplyrisk" => $"Resolved: {risk} is {back} {threshold} {when}: {value}",
                _ => $"Resolved: {MetricLabel(e.Metric)} of {of} is {back} {threshold} {when}: {value}",
            };
        }

        return metric switch
        {
            "cr1" or "crmaimportshare" => $"{top ?? "The largest supplier"} supplies {value} of {of} {when} - {direction} {threshold}",
            "crmaconsumptionshare" => $"{top ?? "The largest supplier"} supplies {value} of {consumption} {when} - {direction} {threshold}",
            "cr3" => $"The top 3 suppliers provide {value} of {of} {when} - {direction} {threshold}",
            "supplyrisk" => $"{risk} is {value} {when} - {direction} {threshold}",
            _ => $"{MetricLabel(e.Metric)} of {of} is {value} {when} - {direction} {threshold}",
        };
    }

    /// <summary>
    /// <c>[critical] headline</c>, <c>[resolved] headline</c>, with <c>(+N more)</c> for a group; the first
    /// event is the most severe firing one.
    /// </summary>
    public static string Subject(Notification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        if (notification.Reason == NotificationReasons.Test)
        {
            return "[TEST] Test notification of your alert subscription (sample values, not an alert)";
        }

        if (notification.Digest is { } digest)
        {
            return DigestText.Subject(notification, digest);
        }

        var first = Lead(notification.Events);
        if (first is null)
        {
            return "[alerts] no events";
        }

        var tag = SeverityTag(first);
        var headline = Headline(first);
        if (headline.StartsWith("Resolved: ", StringComparison.Ordinal))
        {
            headline = headline["Resolved: ".Length..];
        }

        var more = notification.Events.Count > 1 ? string.Create(CultureInfo.InvariantCulture, $" (+{notification.Events.Count - 1} more)") : string.Empty;
        var subject = $"[{tag}] {headline}";
        return subject.Length + more.Length <= MaxSubjectLength ? subject + more : subject[..(MaxSubjectLength - more.Length - 3)] + "..." + more;
    }

    /// <summary>Events in display order: firing before resolved, most severe first, then by commodity.</summary>
    public static IReadOnlyList<AlertEvent> Ordered(IReadOnlyList<AlertEvent> events) =>
        events.OrderBy(e => e.State)
            .ThenByDescending(e => SeverityLevels.OfEvent(e.Severity))
            .ThenBy(e => e.Commodity, StringComparer.Ordinal)
            .ThenBy(e => e.EventId, StringComparer.Ordinal)
            .ToList();

    public static string SeverityTag(AlertEvent e) => e.State switch
    {
        AlertState.Resolved => "resolved",
        AlertState.NoData => "no data",
        _ => SeverityLevels.OfEvent(e.Severity).ToName(),
    };

    /// <summary>
    /// Shares as percentages, HHI as a whole number, anything else with up to three decimals; changes signed,
    /// share changes in percentage points.
    /// </summary>
    public static string FormatValue(string metric, double value) => SplitChange(Metric(metric)) switch
    {
        ("cr1" or "cr3" or "hhinormalized", not null) => (value * 100).ToString("+0.#;-0.#;0", CultureInfo.InvariantCulture) + " pp",
        ("hhi", not null) => value.ToString("+#,0;-#,0;0", CultureInfo.InvariantCulture),
        ("totalrelative", not null) => (value * 100).ToString("+0.#;-0.#;0", CultureInfo.InvariantCulture) + "%",
        (_, not null) => value.ToString("+0.###;-0.###;0", CultureInfo.InvariantCulture),
        ("cr1" or "cr3" or "share" or "crmaimportshare" or "crmaconsumptionshare", null) => (value * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%",
        ("supplyrisk", null) => value.ToString("0.00", CultureInfo.InvariantCulture),
        ("hhi", null) => value.ToString("#,0", CultureInfo.InvariantCulture),
        _ => value.ToString("0.###", CultureInfo.InvariantCulture),
    };

    public static string MetricLabel(string metric) => SplitChange(Metric(metric)) switch
    {
        ("totalrelative", { } against) => "change of the total against " + against,
        (var level, { } against) => "change of the " + LevelLabel(level) + " against " + against,
        _ => LevelLabel(metric),
    };

    // "hhichangefromyearago" -> ("hhi", "a year earlier"); a level metric -> (metric, null).
    private static (string Level, string? Against) SplitChange(string metric)
    {
        foreach (var (suffix, against) in new[] { ("changefromprevious", "the previous period"), ("changefromyearago", "a year earlier") })
        {
            if (metric.EndsWith(suffix, StringComparison.Ordinal) && metric.Length > suffix.Length)
            {
                return (metric[..^suffix.Length], against);
            }
        }

        return (metric, null);
    }

    private static string LevelLabel(string metric) => Metric(metric) switch
    {
        "cr1" => "largest supplier's share",
        "cr3" => "top-3 suppliers' share",
        "hhi" => "HHI",
        "hhinormalized" => "normalized HHI",
        "equivalentsuppliers" => "equivalent number of suppliers",
        "entropy" => "supplier entropy",
        "crmaimportshare" => "largest third country's share of imports",
        "crmaconsumptionshare" => "largest third country's share of apparent consumption",
        "supplyrisk" => "supply risk (EU 2017 method)",
        _ => Clean(metric, 40),
    };

    /// <summary><c>China 91.2% (1,234.5 t)</c> rows: name, share, amount (tonnes on weight).</summary>
    public static IReadOnlyList<(string Name, string Share, string Amount)> Suppliers(AlertEvent e, int max) =>
        e.TopSuppliers.Take(Math.Max(0, max))
            .Select(s => (
                Clean(CountryNames.Of(s.Partner), 60),
                (s.Share * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%",
                e.Basis == Pull.Statistics.Basis.Weight
                    ? (s.Amount / 1000m).ToString("#,0.#", CultureInfo.InvariantCulture) + " t"
                    : s.Amount.ToString("#,0", CultureInfo.InvariantCulture)))
            .ToList();

    public static string? Previous(AlertEvent e) =>
        e.PreviousValue is { } p ? FormatValue(e.Metric, p) : null;

    public static string? RevisionNote(AlertEvent e)
    {
        if (e.Revision is not { } r)
        {
            return null;
        }

        var vintages = r.OldVintage is not null || r.NewVintage is not null
            ? $" (data vintage {Clean(r.OldVintage ?? "?", 40)} -> {Clean(r.NewVintage ?? "?", 40)})"
            : string.Empty;
        return $"{PeriodText(e, r.Period)} revised from {FormatValue(e.Metric, r.OldValue)} to {FormatValue(e.Metric, r.NewValue)}{vintages}";
    }

    /// <summary>
    /// A period of the event's window: <c>2024-06</c> for the published periods, else <c>month 2024-06</c>,
    /// <c>calendar year 2024</c> or <c>rolling 12 months to 2024-06</c>.
    /// </summary>
    public static string PeriodText(AlertEvent e, string period)
    {
        ArgumentNullException.ThrowIfNull(e);
        var p = Clean(period, 20);
        return e.Window switch
        {
            IndexSelection.Monthly => "month " + p,
            IndexSelection.Annual => "calendar year " + p,
            IndexSelection.Rolling12 => "rolling 12 months to " + p,
            _ => p,
        };
    }

    /// <summary>
    /// The link a person follows from a mail or card: the web page's view of the alert (<c>/api/web/alerts/{fingerprint}</c>),
    /// signed in through App Service authentication. The JSON API (<c>/api/alerts/{fingerprint}</c>) needs a function key,
    /// so it is for programs, not for messages.
    /// </summary>
    public static string Link(RenderingOptions options, AlertEvent e)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(e);
        return options.PublicBaseUrl.TrimEnd('/') + "/api/web/alerts/" + Uri.EscapeDataString(e.Fingerprint);
    }

    public static string WhyText(string reason) => reason switch
    {
        NotificationReasons.First => "first notification for this subscription",
        NotificationReasons.NewAlertsInGroup => "new alerts",
        NotificationReasons.Resolved => "alerts resolved",
        NotificationReasons.RepeatIntervalElapsed => "still firing (reminder)",
        NotificationReasons.CurrentAlerts => "firing when you subscribed",
        NotificationReasons.Digest => "digest",
        _ => Clean(reason, 40),
    };

    public static string Commodity(AlertEvent e) =>
        Clean(string.IsNullOrWhiteSpace(e.CommodityName) ? e.Commodity : e.CommodityName, MaxNameLength);

    public static string Where(AlertEvent e) =>
        CountryNames.IsEu(e.Reporter) ? "EU" : Clean(CountryNames.Of(e.Reporter), 60) + "'s";

    public static string Flow(AlertEvent e) => e.Flow == TradeFlow.Export ? "exports" : "imports";

    public static string Basis(AlertEvent e) => e.Basis == Pull.Statistics.Basis.Value ? "value" : "weight";

    /// <summary>Removes control characters (no header or line injection) and clips to <paramref name="max"/> characters.</summary>
    public static string Clean(string? text, int max)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var cleaned = new string([.. text.Select(c => char.IsControl(c) ? ' ' : c)]).Trim();
        return cleaned.Length <= max ? cleaned : cleaned[..(max - 3)] + "...";
    }

    private static AlertEvent? Lead(IReadOnlyList<AlertEvent> events) => Ordered(events).FirstOrDefault();

    private static string Metric(string? metric) => (metric ?? string.Empty).Trim().ToLowerInvariant();
}
