using System.Globalization;
using Alerts.Route.Notifications;
using Alerts.Route.Routing;

namespace Alerts.Deliver.Rendering;

/// <summary>The one line every channel shows when a notification went out late because it was held.</summary>
public static class HeldText
{
    /// <summary>E.g. <c>Held by silence sil-1 since 2026-12-01 22:00 UTC; sent once it ended.</c>; null when not held.</summary>
    public static string? Line(Notification n)
    {
        ArgumentNullException.ThrowIfNull(n);
        if (n.Held is not { } held)
        {
            return null;
        }

        var detail = AlertText.Clean(held.Detail, 200);
        var how = held.Reason switch
        {
            NotificationReasons.MuteWindow => $"Held during {detail}",
            NotificationReasons.Silenced => $"Held by {detail}",
            _ => $"Held ({detail})",
        };
        return string.Create(CultureInfo.InvariantCulture, $"{how} since {held.Since.UtcDateTime:yyyy-MM-dd HH:mm} UTC; sent once it ended.");
    }
}
