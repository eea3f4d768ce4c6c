using Alerts.Pull.Catalog;
using Alerts.Pull.Sources;
using Microsoft.Extensions.Options;

namespace Alerts.Pull;

/// <summary>
/// Checks <see cref="PullOptions.Commodities"/> against the catalog at start: an unknown id, or one none of whose
/// codes is pulled, stops the app naming the entry rather than computing nothing at the first pull.
/// </summary>
public sealed class PullOptionsValidator(IOptions<CatalogOptions> catalogOptions) : IValidateOptions<PullOptions>
{
    public ValidateOptionsResult Validate(string? name, PullOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        CommodityCatalog catalog;
        try
        {
            catalog = CatalogLoader.Load(catalogOptions.Value);
        }
        catch (CatalogFormatException)
        {
            // The catalog's own validator reports the file; nothing to check the commodities against.
            return ValidateOptionsResult.Skip;
        }

        try
        {
            CommoditySeriesSelection.Select(catalog, options);
            return ValidateOptionsResult.Success;
        }
        catch (InvalidOperationException e)
        {
            return ValidateOptionsResult.Fail(e.Message);
        }
    }
}
