using Alerts.Pull.Catalog;
using Microsoft.Extensions.Options;

namespace Alerts.Compute.Stockpiling;

/// <summary>Reads the stock file when options are validated, so a bad file stops the app at start naming line and field.</summary>
public sealed class StockpilingOptionsValidator(CommodityCatalog catalog) : IValidateOptions<StockpilingOptions>
{
    public ValidateOptionsResult Validate(string? name, StockpilingOptions options)
    {
        try
        {
            StockTableLoader.Load(options, catalog);
            return ValidateOptionsResult.Success;
        }
        catch (StockTableException e)
        {
            return ValidateOptionsResult.Fail(e.Message);
        }
    }
}
