using Alerts.Route.NotificationLog;
using Alerts.Route.Routing;
using Alerts.Route.Silences;
using Alerts.Route.Subscriptions;

namespace Alerts.Route.Notifications;

/// <summary>Reads and writes <see cref="Severity"/> as the lower-case words used in messages and the API.</summary>
public static class SeverityLevels
{
    public static readonly IReadOnlyList<string> Names = ["info", "warning", "critical"];

    public static bool TryParse(string? text, out Severity severity)
    {
        var t = text.AsSpan().Trim();
        if (t.Equals("critical", StringComparison.OrdinalIgnoreCase))
        {
            severity = Severity.Critical;
            return true;
        }

        if (t.Equals("warning", StringComparison.OrdinalIgnoreCase))
        {
            severity = Severity.Warning;
            return true;
        }

        if (t.Equals("info", StringComparison.OrdinalIgnoreCase))
        {
            severity = Severity.Info;
            return true;
        }

        severity = default;
        return false;
    }

    /// <summary>
    /// The severity of an event's severity text. Unknown words rank as critical: a rule that speaks a
    /// vocabulary we do not know should reach too many subscribers rather than none.
    /// </summary>
    public static Severity OfEvent(string? text) => TryParse(text, out var s) ? s : Severity.Critical;

    public static string ToName(this Severity severity) => severity switch
    {
        Severity.Info => "info",
        Severity.Warning => "warning",
        _ => "critical",
    };
}
