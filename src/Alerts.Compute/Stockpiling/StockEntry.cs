using Alerts.Pull.Catalog;

namespace Alerts.Compute.Stockpiling;

/// <summary>One line of the operator's stock file: tonnes of a commodity at one processing stage, as of a date.</summary>
/// <param name="Source">Where the figure comes from (free text), or null.</param>
public sealed record StockEntry(string Commodity, ProcessingStage Stage, decimal Tonnes, DateOnly AsOf, string? Source)
{
    /// <summary>The commodity series this stock is for (<c>rare-earths/metal</c>).</summary>
    public string Series => $"{Commodity}/{CommodityNames.StageName(Stage)}";
}
