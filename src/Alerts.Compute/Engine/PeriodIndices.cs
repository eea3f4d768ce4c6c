
using Alerts.Pull.Statistics;
using Alerts.Pull.Statistics.Scope;

namespace Alerts.Compute.Engine;

/// <summary>Concentration of one series in one period on one basis.</summary>
public sealed record PeriodIndices(string Reporter, string Product, TradeFlow Flow, Period Period, Basis Basis, string Currency, ConcentrationIndices Indices)
{
    /// <summary>
    /// Indices per (reporter, product, flow, period) over the partners in <paramref name="scope"/>; missing figures
    /// are left out, not counted as zero. Ordered by reporter, product, flow, period.
    /// </summary>
    public static IReadOnlyList<PeriodIndices> Compute(IEnumerable<TradeObservation> observations, Basis basis, PartnerScopeKind scope = PartnerScopeKind.ThirdCountries)
    {
        ArgumentNullException.ThrowIfNull(observations);
        return PartnerScope.Filter(observations, scope)
            .GroupBy(o => (o.Reporter, o.Product, o.Flow, o.Period, o.Currency))
            .OrderBy(g => g.Key.Reporter, StringComparer.Ordinal)
            .ThenBy(g => g.Key.Product, StringComparer.Ordinal)
            .ThenBy(g => g.Key.Flow)
            .ThenBy(g => g.Key.Period)
            .Select(g => new PeriodIndices(g.Key.Reporter, g.Key.Product, g.Key.Flow, g.Key.Period, basis, g.Key.Currency,
                ConcentrationCalculator.Compute(g.Where(o => o.Amount(basis) is not null).Select(o => new SupplierAmount(o.Partner, o.Amount(basis)!.Value)))))
            .ToList();
    }
}
