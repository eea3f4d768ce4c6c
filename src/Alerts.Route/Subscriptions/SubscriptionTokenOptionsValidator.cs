using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Alerts.Route.Subscriptions;

/// <summary>
/// Start-up check of <see cref="SubscriptionTokenOptions"/>, naming the setting. Only in Development, with no key
/// configured, a fixed key that is no secret stands in (<see cref="DevelopmentKey"/>), so local runs work with no setup;
/// anywhere else a missing key stops the start.
/// </summary>
/// <param name="environment">The host's environment. Hosts always register one; only in-process compositions
/// (the demo, tests) have none, and they run on the local stack, so they count as Development.</param>
public sealed class SubscriptionTokenOptionsValidator(IHostEnvironment? environment = null)
    : IValidateOptions<SubscriptionTokenOptions>, IPostConfigureOptions<SubscriptionTokenOptions>
{
    /// <summary>The Development stand-in key; published in the source, so never accepted elsewhere.</summary>
    public const string DevelopmentKey = "alerts-development-only-link-signing-key-not-secret";

    private const string S = SubscriptionTokenOptions.SectionName;

    private bool IsDevelopment => environment is null || environment.IsDevelopment();

    public void PostConfigure(string? name, SubscriptionTokenOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.SigningKeys.Count == 0 && IsDevelopment)
        {
            options.SigningKeys.Add(DevelopmentKey);
        }
    }

    public ValidateOptionsResult Validate(string? name, SubscriptionTokenOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (options.SigningKeys.Count == 0)
        {
            errors.Add($"{S}:SigningKeys:0 is required (app setting {S}__SigningKeys__0): a random secret of at least {SubscriptionTokenOptions.MinKeyLength} characters that signs verification and unsubscribe links");
        }

        if (options.SigningKeys.Count > 2)
        {
            errors.Add($"{S}:SigningKeys holds {options.SigningKeys.Count} keys; at most 2 are used (0 = current, 1 = previous)");
        }

        for (var i = 0; i < options.SigningKeys.Count; i++)
        {
            var key = options.SigningKeys[i] ?? string.Empty;
            if (key.Trim().Length < SubscriptionTokenOptions.MinKeyLength)
            {
                errors.Add($"{S}:SigningKeys:{i} is shorter than {SubscriptionTokenOptions.MinKeyLength} characters");
            }
            else if (key == DevelopmentKey && !IsDevelopment)
            {
                errors.Add($"{S}:SigningKeys:{i} is the published Development key; set a secret of your own outside Development");
            }
        }

        if (options.VerificationLifetime < TimeSpan.FromHours(1) || options.VerificationLifetime > TimeSpan.FromDays(30))
        {
            errors.Add($"{S}:VerificationLifetime must be between 01:00:00 and 30.00:00:00");
        }

        if (options.ResendInterval < TimeSpan.Zero || options.ResendInterval > TimeSpan.FromDays(1))
        {
            errors.Add($"{S}:ResendInterval must be between 00:00:00 and 1.00:00:00");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
