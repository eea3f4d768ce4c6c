namespace Alerts.Pull.Catalog;

/// <summary>
/// Short readable names of the HS 2022 six-digit codes in the catalog, for subjects and cards; other codes
/// fall back to the commodity and stage, then to the code. A commodity series (<c>rare-earths/metal</c>) is named
/// after its commodity and stage.
/// </summary>
public static class ProductNames
{
    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        ["250410"] = "natural graphite in powder or flakes",
        ["250490"] = "natural graphite (other)",
        ["252800"] = "natural borates",
        ["260200"] = "manganese ores",
        ["260300"] = "copper ores",
        ["260400"] = "nickel ores",
        ["260500"] = "cobalt ores",
        ["260600"] = "aluminium ores (bauxite)",
        ["261100"] = "tungsten ores",
        ["261400"] = "titanium ores",
        ["261690"] = "precious-metal ores",
        ["280450"] = "boron and tellurium",
        ["280461"] = "silicon (99.99% or more)",
        ["280469"] = "silicon metal",
        ["280519"] = "alkali metals incl. lithium",
        ["280530"] = "rare-earth metals",
        ["281000"] = "boron oxides and boric acids",
        ["281820"] = "aluminium oxide",
        ["282010"] = "manganese dioxide",
        ["282200"] = "cobalt oxides and hydroxides",
        ["282300"] = "titanium oxides",
        ["282520"] = "lithium oxide and hydroxide",
        ["282560"] = "germanium oxides",
        ["283691"] = "lithium carbonates",
        ["284180"] = "tungstates",
        ["284390"] = "precious-metal compounds",
        ["284610"] = "cerium compounds",
        ["284690"] = "rare-earth compounds",
        ["380110"] = "artificial graphite",
        ["740200"] = "unrefined copper",
        ["740311"] = "refined copper cathodes",
        ["750110"] = "nickel mattes",
        ["750120"] = "nickel oxide sinters",
        ["750210"] = "unwrought nickel",
        ["760110"] = "unwrought aluminium",
        ["760120"] = "aluminium alloys",
        ["810194"] = "unwrought tungsten",
        ["810520"] = "unwrought cobalt",
        ["810411"] = "unwrought magnesium (99.8% or more)",
        ["810419"] = "unwrought magnesium (other)",
        ["810610"] = "bismuth (99.99% or more)",
        ["810820"] = "unwrought titanium",
        ["811100"] = "manganese",
        ["811292"] = "unwrought gallium, germanium and other minor metals",
        ["850511"] = "rare-earth permanent magnets",
        ["85051110"] = "neodymium/samarium permanent magnets",
        ["850760"] = "lithium-ion cells",
        ["711011"] = "unwrought platinum",
        ["711021"] = "unwrought palladium",
        ["711031"] = "unwrought rhodium",
    };

    /// <summary>The readable name of <paramref name="product"/>.</summary>
    public static string For(string product, CommodityCatalog? catalog = null)
    {
        if (Names.TryGetValue(product, out var name))
        {
            return name;
        }

        catalog ??= CommodityCatalog.Default;
        if (CommodityNames.TryParseSeries(product, out var id, out var stage) && catalog.Find(id) is { } commodity)
        {
            return CommodityNames.For(commodity, stage);
        }

        var match = catalog.Classify(product).FirstOrDefault();
        return match.Commodity is null ? product : CommodityNames.For(match.Commodity, match.Stage);
    }
}
