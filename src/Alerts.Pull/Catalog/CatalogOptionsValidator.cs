
using Microsoft.Extensions.Options;

namespace Alerts.Pull.Catalog;

/// <summary>Reads the operator catalog file when options are validated, so a bad file stops the app at start rather than at the first pull.</summary>
public sealed class CatalogOptionsValidator : IValidateOptions<CatalogOptions>
{
    public ValidateOptionsResult Validate(string? name, CatalogOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        try
        {
            CatalogLoader.Load(options);
            return ValidateOptionsResult.Success;
        }
        catch (CatalogFormatException e)
        {
            return ValidateOptionsResult.Fail(e.Message);
        }
    }
}
