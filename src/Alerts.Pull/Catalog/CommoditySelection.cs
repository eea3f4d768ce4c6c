namespace Alerts.Pull.Catalog;

/// <summary>
/// Which commodity series a pull computes: the stages named by <c>requested</c> (commodity ids, or
/// <c>id/stage</c>), or when nothing is requested every catalog stage whose codes are covered by two or more of the
/// pulled products (a stage covered by one product would repeat that product's series and alerts). Each entry says which pulled products it sums and which catalog codes are missing.
/// </summary>
/// <param name="Problems">Requested entries that cannot be computed, each naming the entry (by index) and why; empty when all are fine.</param>
public sealed record CommoditySelection(IReadOnlyList<CommodityStageCoverage> Series, IReadOnlyList<string> Problems)
{
    public static CommoditySelection Select(CommodityCatalog catalog, IReadOnlyCollection<string> pulled, IReadOnlyList<string>? requested)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(pulled);
        var covered = (from c in catalog.Commodities
                       from stage in Enum.GetValues<ProcessingStage>()
                       let coverage = CommodityStageCoverage.Of(c, stage, pulled)
                       where coverage is not null
                       select coverage).ToList();
        if (requested is null || requested.Count == 0)
        {
            return new CommoditySelection([.. covered.Where(c => !c.RepeatsOneProduct)], []);
        }

        var selected = new List<CommodityStageCoverage>();
        var problems = new List<string>();
        for (var i = 0; i < requested.Count; i++)
        {
            var entry = requested[i]?.Trim() ?? string.Empty;
            var (id, stage) = CommodityNames.TryParseSeries(entry, out var sid, out var st) ? (sid, (ProcessingStage?)st) : (entry, null);
            var commodity = catalog.Commodities.FirstOrDefault(c => string.Equals(c.Id, id, StringComparison.OrdinalIgnoreCase));
            if (commodity is null)
            {
                problems.Add($"[{i}] '{entry}' is not a commodity id of the catalog ({string.Join(", ", catalog.Commodities.Select(c => c.Id))})");
                continue;
            }

            var matches = covered.Where(s => s.Commodity.Id == commodity.Id && (stage is null || s.Stage == stage)).ToList();
            if (matches.Count == 0)
            {
                var codes = stage is { } one ? commodity.CodesFor(one) : [.. Enum.GetValues<ProcessingStage>().SelectMany(commodity.CodesFor)];
                problems.Add($"[{i}] '{entry}': none of its codes ({(codes.Count == 0 ? "none in the catalog" : string.Join(", ", codes))}) is among the pulled products");
                continue;
            }

            selected.AddRange(matches.Where(m => !selected.Contains(m)));
        }

        return new CommoditySelection(selected, problems);
    }
}
