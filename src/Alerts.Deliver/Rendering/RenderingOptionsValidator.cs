using Alerts.Deliver;
using Alerts.Deliver.Email;
using Alerts.Deliver.Teams;
using Microsoft.Extensions.Options;

namespace Alerts.Deliver.Rendering;

/// <summary>Startup check of <see cref="RenderingOptions"/>, naming the setting.</summary>
public sealed class RenderingOptionsValidator : IValidateOptions<RenderingOptions>
{
    public ValidateOptionsResult Validate(string? name, RenderingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (!Uri.TryCreate(options.PublicBaseUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            errors.Add($"{RenderingOptions.PublicBaseUrlSetting} must be an absolute http(s) URL (the API's public address, used for links in notifications)");
        }

        if (options.MaxSuppliers is < 1 or > 20)
        {
            errors.Add($"{RenderingOptions.SectionName}:MaxSuppliers must be between 1 and 20");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
