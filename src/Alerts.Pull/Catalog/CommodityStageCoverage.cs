namespace Alerts.Pull.Catalog;

/// <summary>
/// One commodity at one stage, as a run can compute it: which of its codes the pulled products cover, and which
/// pulled products its sum needs. A catalog code is covered by a pulled product equal to it or finer than it
/// (CN8 under an HS6 code, which <see cref="CommodityAggregator"/> sums in its place); a coarser product
/// (HS6 <c>811292</c> for CN8 <c>81129289</c>) does not isolate the commodity and covers nothing.
/// </summary>
/// <param name="Codes">The stage's catalog codes.</param>
/// <param name="Products">The pulled products the sum is built from; all must be fetched for the series to be computed.</param>
/// <param name="MissingCodes">Catalog codes no pulled product covers: the series is partial.</param>
public sealed record CommodityStageCoverage(
    Commodity Commodity,
    ProcessingStage Stage,
    IReadOnlyList<string> Codes,
    IReadOnlyList<string> Products,
    IReadOnlyList<string> MissingCodes)
{
    /// <summary>The series' product, e.g. <c>rare-earths/downstream</c>.</summary>
    public string SeriesProduct => Commodity.SeriesProduct(Stage);

    /// <summary>The readable name alerts carry, e.g. <c>Graphite (battery grade) (ore)</c>.</summary>
    public string Name => CommodityNames.For(Commodity, Stage);

    public bool IsPartial => MissingCodes.Count > 0;

    /// <summary>
    /// The sum is one pulled product's data, so the series would repeat that product's series (and its alerts);
    /// a product series carries its commodity ids, so subscriptions and rules by commodity still see it.
    /// </summary>
    public bool RepeatsOneProduct => Products.Count == 1;

    /// <summary>What the outcome says about coverage; null when every code is covered.</summary>
    public string? Note => IsPartial
        ? $"Partial: catalog codes {string.Join(", ", MissingCodes)} not pulled (setting Pull:Products)."
        : null;

    /// <summary>Whether a scope entry (<c>rare-earths</c> or <c>rare-earths/metal</c>, case-insensitive) names this series.</summary>
    public bool IsNamedBy(string idOrSeries) =>
        string.Equals(idOrSeries, Commodity.Id, StringComparison.OrdinalIgnoreCase)
        || string.Equals(idOrSeries, SeriesProduct, StringComparison.OrdinalIgnoreCase);

    /// <summary>Coverage of one stage by <paramref name="pulled"/>; null when no pulled product covers any of its codes.</summary>
    public static CommodityStageCoverage? Of(Commodity commodity, ProcessingStage stage, IReadOnlyCollection<string> pulled)
    {
        ArgumentNullException.ThrowIfNull(commodity);
        ArgumentNullException.ThrowIfNull(pulled);
        var codes = commodity.CodesFor(stage).Distinct(StringComparer.Ordinal).ToList();
        var products = new List<string>();
        var missing = new List<string>();
        foreach (var code in codes)
        {
            var covering = pulled.Where(p => p.StartsWith(code, StringComparison.Ordinal)).ToList();
            if (covering.Count == 0)
            {
                missing.Add(code);
            }

            products.AddRange(covering.Where(p => !products.Contains(p, StringComparer.Ordinal)));
        }

        return products.Count == 0 ? null : new CommodityStageCoverage(commodity, stage, codes, products, missing);
    }
}
