using Alerts.Compute.Engine;
using Alerts.Pull.Catalog;
using Alerts.Pull.Statistics;

namespace Alerts.Cli.Commands;

/// <summary>
/// <c>alerts indices --commodity ID[/STAGE] [--catalog FILE]</c>: the observations of a file summed into a
/// commodity's series, as the pull sums them, so a file with several codes gives the commodity's indices.
/// </summary>
internal static class CommodityInput
{
    /// <returns>The summed observations, or null and the exit code (2 usage, 1 data) after writing why to <paramref name="stderr"/>.</returns>
    public static (IReadOnlyList<TradeObservation>? Observations, int ExitCode) Sum(TradeDataSet data, string input, string? commodity, string? catalogFile, TextWriter stderr)
    {
        if (commodity is null)
        {
            stderr.WriteLine("alerts indices: --catalog is used with --commodity ID[/STAGE]");
            return (null, 2);
        }

        CommodityCatalog catalog;
        try
        {
            catalog = catalogFile is null ? CommodityCatalog.Default : Load(catalogFile);
        }
        catch (CatalogFormatException e)
        {
            stderr.WriteLine($"alerts indices: {e.Message}");
            return (null, 1);
        }

        var (id, stage) = CommodityNames.TryParseSeries(commodity, out var sid, out var st) ? (sid, (ProcessingStage?)st) : (commodity, null);
        if (commodity.Contains('/', StringComparison.Ordinal) && stage is null)
        {
            stderr.WriteLine($"alerts indices: --commodity '{commodity}': the stage must be one of {string.Join(", ", Enum.GetValues<ProcessingStage>().Select(CommodityNames.StageName))}");
            return (null, 2);
        }

        var found = catalog.Find(id.ToLowerInvariant());
        if (found is null)
        {
            stderr.WriteLine($"alerts indices: --commodity '{commodity}' is not a commodity id of the catalog ({string.Join(", ", catalog.Commodities.Select(c => c.Id))})");
            return (null, 2);
        }

        var products = data.Observations.Select(o => o.Product).Distinct(StringComparer.Ordinal).ToList();
        var stages = stage is { } one ? [one] : Enum.GetValues<ProcessingStage>();
        var summed = new List<TradeObservation>();
        foreach (var s in stages)
        {
            if (CommodityStageCoverage.Of(found, s, products) is not { } coverage)
            {
                continue;
            }

            summed.AddRange(CommodityAggregator.Aggregate(data.Observations, found, s));
            stderr.WriteLine($"alerts indices: {coverage.SeriesProduct} sums {string.Join(", ", coverage.Products)}"
                + (coverage.IsPartial ? $"; catalog codes not in {input}: {string.Join(", ", coverage.MissingCodes)}" : string.Empty));
        }

        if (summed.Count == 0)
        {
            var codes = stages.SelectMany(found.CodesFor).ToList();
            stderr.WriteLine($"alerts indices: {input}: none of the codes of {commodity} ({(codes.Count == 0 ? "none in the catalog" : string.Join(", ", codes))}) is in the file (it has {string.Join(", ", products)})");
            return (null, 1);
        }

        return (summed, 0);
    }

    private static CommodityCatalog Load(string file)
    {
        try
        {
            using var stream = File.OpenRead(file);
            return CommodityCatalog.Default.WithOverrides(stream, file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CatalogFormatException($"{file}: cannot be read: {e.Message}", e);
        }
    }
}
