using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Alerts.Route.Silences;

public static class SilenceServiceCollectionExtensions
{
    /// <summary>
    /// Configuration silences (section <c>Silences</c>, validated at start: every bad entry named), the <c>silences</c>
    /// table, the API's service, its limit (<c>SilenceLimits__MaxActivePerOwner</c>) and how long expired silences are kept
    /// (<c>SilenceLimits__ExpiredRetention</c>).
    /// </summary>
    public static IServiceCollection AddSilences(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<ConfiguredSilences>()
            .Configure(o => (o.Silences, o.Errors) = SilenceSettingsReader.Read(configuration.GetSection(SilenceSettingsReader.SectionName)))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ConfiguredSilences>, ConfiguredSilencesValidator>());
        services.AddOptions<SilenceLimitOptions>()
            .Bind(configuration.GetSection(SilenceLimitOptions.SectionName))
            .Validate(o => o.MaxActivePerOwner >= 1, $"{SilenceLimitOptions.SettingName} must be at least 1.")
            .Validate(
                o => o.ExpiredRetention >= TimeSpan.Zero && o.ExpiredRetention <= TimeSpan.FromDays(90),
                $"{SilenceLimitOptions.RetentionSettingName} must be between 00:00:00 and 90.00:00:00 (d.hh:mm:ss).")
            .ValidateOnStart();
        services.TryAddSingleton<SilenceStore>();
        services.TryAddSingleton<SilenceProvider>();
        services.TryAddSingleton<SilenceService>();
        services.TryAddSingleton<SilenceRetention>();
        return services;
    }

    /// <summary>Fails the start with one line per bad configuration silence.</summary>
    private sealed class ConfiguredSilencesValidator : IValidateOptions<ConfiguredSilences>
    {
        public ValidateOptionsResult Validate(string? name, ConfiguredSilences options) =>
            options.Errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(options.Errors);
    }
}
