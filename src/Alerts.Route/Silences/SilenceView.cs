namespace Alerts.Route.Silences;

/// <summary>A silence as the API returns it, with its status at the time of the request.</summary>
/// <param name="Status"><c>pending</c> (not started), <c>active</c> or <c>expired</c>.</param>
/// <param name="Scope"><c>owner</c> or <c>global</c>.</param>
/// <param name="Source"><c>api</c>, or <c>configuration</c> for the operator's silences from app settings (read-only here).</param>
public sealed record SilenceView(
    string Id,
    IReadOnlyList<SilenceMatcher> Matchers,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    string Status,
    string Scope,
    string Source,
    string? Comment,
    string? CreatedBy,
    DateTimeOffset? CreatedAt)
{
    public static SilenceView From(Silence s, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new SilenceView(
            s.Id, s.Matchers, s.StartsAt, s.EndsAt, s.StatusAt(now), s.Scope == SilenceScope.Global ? "global" : "owner", s.Source, s.Comment, s.CreatedBy, s.CreatedAt);
    }
}
