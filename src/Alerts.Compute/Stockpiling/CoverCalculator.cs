using Alerts.Pull.Statistics;
using Alerts.Pull.Statistics.Scope;

namespace Alerts.Compute.Stockpiling;

/// <summary>Months of cover of a stock from a series' imports (<see cref="StockCover"/>); pure.</summary>
public static class CoverCalculator
{
    /// <summary>
    /// The cover of <paramref name="stock"/> from <paramref name="observations"/> (one series: reporter, product; any
    /// flows, imports are used); null when no third country sent anything by weight in the 12 months to the stock's date.
    /// </summary>
    public static StockCover? Compute(StockEntry stock, string series, IEnumerable<TradeObservation> observations)
    {
        ArgumentNullException.ThrowIfNull(stock);
        ArgumentNullException.ThrowIfNull(observations);
        var imports = PartnerScope.Filter(observations.Where(o => o.Flow == TradeFlow.Import && o.QuantityKg is not null)).ToList();
        var ended = imports.Where(o => End(o.Period) <= stock.AsOf).ToList();
        if (ended.Count == 0)
        {
            return null;
        }

        var last = ended.Max(o => o.Period);
        var from = last.IsAnnual ? last : Back(last, 11);
        var window = ended.Where(o => o.Period.IsAnnual == last.IsAnnual && o.Period.CompareTo(from) >= 0 && o.Period.CompareTo(last) <= 0).ToList();
        var top = window.GroupBy(o => o.Partner, StringComparer.Ordinal)
            .Select(g => (Partner: g.Key, Kg: g.Sum(o => o.QuantityKg!.Value)))
            .OrderByDescending(p => p.Kg).ThenBy(p => p.Partner, StringComparer.Ordinal)
            .FirstOrDefault();
        if (top.Partner is null)
        {
            return null;
        }

        var monthly = top.Kg / 1000m / 12m;
        var months = monthly > 0 ? (double)(stock.Tonnes / monthly) : double.PositiveInfinity;
        return new StockCover(series, stock.Tonnes, stock.AsOf, from, last, last, top.Partner, monthly, months);
    }

    private static DateOnly End(Period p) => p.IsAnnual ? new DateOnly(p.Year, 12, 31) : new DateOnly(p.Year, p.Month, DateTime.DaysInMonth(p.Year, p.Month));

    private static Period Back(Period p, int months)
    {
        var index = (p.Year * 12) + p.Month - 1 - months;
        return Period.Monthly(index / 12, (index % 12) + 1);
    }
}
