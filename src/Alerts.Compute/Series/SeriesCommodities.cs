using Alerts.Pull;
using Alerts.Pull.Catalog;
using Microsoft.Extensions.Options;

namespace Alerts.Compute.Series;

/// <summary>
/// The catalog commodity ids a series stands for, put on its index rows and alert events so rules and
/// subscriptions by commodity id match it. A commodity series (<c>rare-earths/metal</c>) is matched by its own
/// id; a product by the commodities whose stages it stands in for (those not computed as a series of their own).
/// </summary>
public sealed class SeriesCommodities(CommodityCatalog catalog, IOptions<PullOptions> pullOptions)
{
    private IReadOnlyDictionary<string, IReadOnlyList<string>>? standIns;

    public IReadOnlyList<string> Of(string product) =>
        (standIns ??= CommodityStandIns.Of(catalog, pullOptions.Value.EffectiveProducts, CommoditySeriesSelection.Select(catalog, pullOptions.Value)))
            .GetValueOrDefault(product) ?? [];
}
