using Alerts.Pull.Catalog;

namespace Alerts.Pull;

/// <summary>Which commodity series a pull computes besides its products (settings <c>Pull:Commodities</c>, <c>Pull:AggregateCommodities</c>).</summary>
public static class CommoditySeriesSelection
{
    /// <summary>The series <paramref name="options"/> select; invalid entries throw, naming the setting.</summary>
    public static IReadOnlyList<CommodityStageCoverage> Select(CommodityCatalog catalog, PullOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.AggregateCommodities)
        {
            return [];
        }

        var selection = CommoditySelection.Select(catalog, [.. options.EffectiveProducts], options.Commodities);
        return selection.Problems.Count == 0
            ? selection.Series
            : throw new InvalidOperationException(string.Join("; ", selection.Problems.Select(p => $"Setting {PullOptions.SectionName}:Commodities{p}")) + ".");
    }
}
