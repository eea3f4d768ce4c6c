using Alerts.Pull.Statistics;

namespace Alerts.Pull.Catalog;

/// <summary>
/// Sums the flows of a commodity's codes at one stage, per reporter, partner, flow and period, before shares
/// are computed. A catalog code matches the observations with exactly that product; when the data has none,
/// it matches the finer codes under it (CN8 under an HS6 code), never both, so nothing is counted twice.
/// Missing figures are skipped; a sum is null only when every part is missing.
/// </summary>
public static class CommodityAggregator
{
    public static IReadOnlyList<TradeObservation> Aggregate(IEnumerable<TradeObservation> observations, Commodity commodity, ProcessingStage stage)
    {
        ArgumentNullException.ThrowIfNull(observations);
        ArgumentNullException.ThrowIfNull(commodity);
        var list = observations as IReadOnlyCollection<TradeObservation> ?? observations.ToList();
        var products = list.Select(o => o.Product).ToHashSet(StringComparer.Ordinal);
        var parts = new List<TradeObservation>();
        foreach (var code in commodity.CodesFor(stage).Distinct(StringComparer.Ordinal))
        {
            parts.AddRange(products.Contains(code)
                ? list.Where(o => o.Product == code)
                : list.Where(o => o.Product.Length > code.Length && o.Product.StartsWith(code, StringComparison.Ordinal)));
        }

        var currencies = parts.Select(p => p.Currency).Distinct(StringComparer.Ordinal).ToList();
        if (currencies.Count > 1)
        {
            throw new InvalidOperationException($"Cannot sum {commodity.Id}/{stage} across currencies {string.Join(", ", currencies)}; aggregate one source at a time.");
        }

        var product = commodity.SeriesProduct(stage);
        return parts
            .GroupBy(o => (o.Reporter, o.Partner, o.Flow, o.Period, o.Currency))
            .Select(g => new TradeObservation(g.Key.Reporter, g.Key.Partner, product, g.Key.Flow, g.Key.Period,
                Sum(g.Select(o => o.QuantityKg)), Sum(g.Select(o => o.Value)), g.Key.Currency))
            .OrderBy(o => o, ObservationOrder.Instance)
            .ToList();
    }

    private static decimal? Sum(IEnumerable<decimal?> values)
    {
        decimal? total = null;
        foreach (var v in values)
        {
            if (v is { } x)
            {
                total = (total ?? 0) + x;
            }
        }

        return total;
    }
}
