using Microsoft.Extensions.Options;

namespace Alerts.Compute.SupplyRisk;

/// <summary>Reads the supply-risk files when options are validated, so a bad file stops the app at start rather than at the first pull.</summary>
public sealed class SupplyRiskOptionsValidator : IValidateOptions<SupplyRiskOptions>
{
    public ValidateOptionsResult Validate(string? name, SupplyRiskOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        try
        {
            SupplyRiskInputsLoader.Load(options);
            return ValidateOptionsResult.Success;
        }
        catch (SupplyRiskInputsException e)
        {
            return ValidateOptionsResult.Fail(e.Message);
        }
    }
}
