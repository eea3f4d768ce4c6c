namespace Alerts.Route.Notifications;

/// <summary>
/// What a digest notification covers: its schedule and span, and which of its events fired, resolved or are still
/// firing, with the top movers (the events whose value moved most against the previous one, relative to the threshold).
/// </summary>
/// <param name="Schedule">E.g. <c>daily at 08:00 Europe/Brussels</c>.</param>
public sealed record DigestSummary(
    string Schedule,
    DateTimeOffset From,
    DateTimeOffset To,
    IReadOnlyList<string> Fired,
    IReadOnlyList<string> Resolved,
    IReadOnlyList<string> StillFiring,
    IReadOnlyList<string> TopMovers);
