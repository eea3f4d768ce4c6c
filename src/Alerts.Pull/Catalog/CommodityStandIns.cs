namespace Alerts.Pull.Catalog;

/// <summary>
/// The commodity ids each pulled product stands in for. A catalog stage that is not computed as its own commodity
/// series (one product covers it, or commodity series are off) is represented by the products that cover it, so
/// subscriptions and rules by commodity id still see their alerts; a product whose stage has its own series stands
/// in for nothing there (that series carries the commodity).
/// </summary>
public static class CommodityStandIns
{
    /// <param name="pulled">The products a run pulls.</param>
    /// <param name="series">The commodity series the run computes (<see cref="CommoditySelection"/>).</param>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Of(
        CommodityCatalog catalog, IReadOnlyCollection<string> pulled, IReadOnlyList<CommodityStageCoverage> series)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(series);
        var computed = series.Select(s => s.SeriesProduct).ToHashSet(StringComparer.Ordinal);
        var ids = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var commodity in catalog.Commodities)
        {
            foreach (var stage in Enum.GetValues<ProcessingStage>())
            {
                if (computed.Contains(commodity.SeriesProduct(stage)) || CommodityStageCoverage.Of(commodity, stage, pulled) is not { } coverage)
                {
                    continue;
                }

                foreach (var product in coverage.Products)
                {
                    var list = ids.TryGetValue(product, out var l) ? l : ids[product] = [];
                    if (!list.Contains(commodity.Id))
                    {
                        list.Add(commodity.Id);
                    }
                }
            }
        }

        return ids.ToDictionary(p => p.Key, p => (IReadOnlyList<string>)p.Value, StringComparer.Ordinal);
    }
}
