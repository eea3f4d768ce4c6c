namespace Alerts.Compute.Stockpiling;

/// <summary>Section <c>Stockpiling</c>: the operator's stock file, for months of cover (rule metric <c>monthsOfCover</c>).</summary>
public sealed class StockpilingOptions
{
    public const string SectionName = "Stockpiling";

    /// <summary>CSV <c>commodity,stage,tonnes,as_of[,source]</c> (<see cref="StockTable"/>); none = no cover computed.</summary>
    public string? StocksPath { get; set; }
}
