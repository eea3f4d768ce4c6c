using Alerts.Deliver.Rendering;
using Microsoft.Extensions.Options;

namespace Alerts.Deliver;

/// <summary>Startup check of <see cref="DeliveryOptions"/>, naming the setting.</summary>
public sealed class DeliveryOptionsValidator : IValidateOptions<DeliveryOptions>
{
    public ValidateOptionsResult Validate(string? name, DeliveryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.PauseAfterPermanentFailures >= 1
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"{DeliveryOptions.SectionName}:PauseAfterPermanentFailures must be at least 1 (it is {options.PauseAfterPermanentFailures})");
    }
}
