using Alerts.Pull.Catalog;

namespace Alerts.Compute.Stockpiling;

/// <summary>Loads the file of <see cref="StockpilingOptions.StocksPath"/>; errors name the setting, the file, the line and the field.</summary>
public static class StockTableLoader
{
    public static StockTable Load(StockpilingOptions options, CommodityCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.StocksPath))
        {
            return StockTable.Empty;
        }

        string content;
        try
        {
            content = File.ReadAllText(options.StocksPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StockTableException($"Setting {StockpilingOptions.SectionName}:StocksPath: cannot read '{options.StocksPath}': {e.Message}", e);
        }

        try
        {
            return StockTable.Parse(content, options.StocksPath, catalog);
        }
        catch (StockTableException e)
        {
            throw new StockTableException($"Setting {StockpilingOptions.SectionName}:StocksPath: {e.Message}", e);
        }
    }
}
