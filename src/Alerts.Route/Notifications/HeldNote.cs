namespace Alerts.Route.Notifications;

/// <summary>
/// Why a notification went out late: it was held (by a silence, a mute window, or behind an earlier held event of the
/// same alert) from <see cref="Since"/> until nothing held it any more. Every channel renders it as one line.
/// </summary>
/// <param name="Reason"><c>silenced</c>, <c>mute-window</c> or <c>held</c> (<see cref="Routing.NotificationReasons"/>).</param>
/// <param name="Since">When the first of its events was held.</param>
/// <param name="Detail">What held it, e.g. <c>silence sil-1a2b</c> or <c>mute window 22:00-07:00 Europe/Brussels</c>.</param>
public sealed record HeldNote(string Reason, DateTimeOffset Since, string Detail)
{
    /// <summary>The earlier of two notes (the one held longest speaks for a merged notification); null when both are.</summary>
    public static HeldNote? Earlier(HeldNote? a, HeldNote? b) =>
        a is null ? b : b is null ? a : b.Since < a.Since ? b : a;
}
