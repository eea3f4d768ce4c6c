using Alerts.Evaluate.Lifecycle;

namespace Alerts.Functions.Evaluate;

/// <summary>An alert as <c>GET /api/alerts/{fingerprint}</c> shows it (the target of the links in notifications).</summary>
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
    IReadOnlyList<AlertedPeriodView> AlertedPeriods)
{
    public static AlertView From(AlertRecord r) => new(
        r.Fingerprint,
        r.RuleId,
        r.Severity,
        r.State.ToString().ToLowerInvariant(),
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
        [.. r.AlertedPeriods.OrderBy(p => p.Key).Select(p => new AlertedPeriodView(p.Key.ToString(), p.Value.Value, p.Value.Vintage))]);
}

/// <summary>A period the alert fired on, with the value and vintage it was seen at.</summary>
public sealed record AlertedPeriodView(string Period, double Value, string Vintage);
