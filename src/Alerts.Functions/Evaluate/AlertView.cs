using Alerts.Evaluate.Lifecycle;

namespace Alerts.Functions.Evaluate;

/// <summary>An alert as <c>GET /api/alerts/{fingerprint}</c> shows it (for programs; people open <c>/api/web/alerts/{fingerprint}</c>).</summary>
/// <param name="State">inactive, pending, firing, recovering, resolved, or noData while the series has no data.</param>
/// <param name="Since">The first period of the streak a pending or recovering alert waits on (or a firing one fired after).</param>
/// <param name="NoDataSince">When the series was found without data (state noData); null while data comes.</param>
/// <param name="LastDataPeriod">While without data: the last period with data.</param>
/// <param name="FailedRuns">Runs in a row in which the source failed for the series' product.</param>
/// <param name="InhibitedBy">Fingerprints of the firing alerts inhibiting this one (its firing is not notified while they fire); empty when none.</param>
public sealed record AlertView(
    string Fingerprint,
    string RuleId,
    string Severity,
    string State,
    string Reporter,
    string Product,
    string CommodityName,
    string Flow,
    string Basis,
    string Metric,
    string Period,
    double Value,
    double Threshold,
    string Vintage,
    DateTimeOffset? FiredAt,
    DateTimeOffset? ResolvedAt,
    IReadOnlyList<AlertedPeriodView> AlertedPeriods,
    string? Since = null,
    DateTimeOffset? NoDataSince = null,
    string? LastDataPeriod = null,
    int FailedRuns = 0,
    IReadOnlyList<string>? InhibitedBy = null)
{
    public static AlertView From(AlertRecord r) => new(
        r.Fingerprint,
        r.RuleId,
        r.Severity,
        r.DisplayState,
        r.Reporter,
        r.Product,
        r.CommodityName,
        r.Flow.ToString().ToLowerInvariant(),
        r.Basis.ToString().ToLowerInvariant(),
        r.Metric,
        r.Period.ToString(),
        r.Value,
        r.Threshold,
        r.Vintage,
        r.FiredAt,
        r.ResolvedAt,
        [.. r.AlertedPeriods.OrderBy(p => p.Key).Select(p => new AlertedPeriodView(p.Key.ToString(), p.Value.Value, p.Value.Vintage))],
        r.Since?.ToString(),
        r.NoDataAt,
        r.LastDataPeriod?.ToString(),
        r.FailedRuns,
        r.InhibitedBy ?? []);
}

/// <summary>A period the alert fired on, with the value and vintage it was seen at.</summary>
public sealed record AlertedPeriodView(string Period, double Value, string Vintage);
