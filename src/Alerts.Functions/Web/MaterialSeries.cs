using Alerts.Compute.Store;
using Alerts.Pull.Catalog;

namespace Alerts.Functions.Web;

/// <summary>
/// One series that speaks for a material at a stage: the commodity series summing the stage's codes
/// (<c>graphite/ore</c>) or one of its product codes (<c>850511</c>), with its latest stored import row by weight.
/// </summary>
public sealed record MaterialSeries(Commodity Material, ProcessingStage Stage, string Product, StoredIndices? Latest)
{
    public double Cr1 => Latest?.Indices.Indices.Cr1 ?? double.NaN;

    public double Hhi => Latest?.Indices.Indices.Hhi ?? double.NaN;

    /// <summary>"Ore: sum of 250410, 250490" or "Metal: 850511".</summary>
    public string Label => Stage + ": " + (Product.Contains('/', StringComparison.Ordinal)
        ? "sum of " + string.Join(", ", Material.CodesFor(Stage))
        : Product);

    /// <summary>Every series the catalog names for a material: per stage with codes, the stage's sum, then each code.</summary>
    public static IEnumerable<(ProcessingStage Stage, string Product)> Candidates(Commodity material) =>
        from stage in Enum.GetValues<ProcessingStage>()
        let codes = material.CodesFor(stage)
        where codes.Count > 0
        from product in codes.Count > 1 ? codes.Prepend(material.SeriesProduct(stage)) : codes
        select (stage, product);
}
