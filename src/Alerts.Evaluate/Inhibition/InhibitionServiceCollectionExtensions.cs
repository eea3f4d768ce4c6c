using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Alerts.Evaluate.Inhibition;

public static class InhibitionServiceCollectionExtensions
{
    /// <summary>The inhibition rules (section <c>Inhibitions</c> over the defaults, validated at start: every bad entry named) and the <see cref="Inhibitor"/>.</summary>
    public static IServiceCollection AddInhibitions(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<ConfiguredInhibitions>()
            .Configure(o => (o.Rules, o.Errors) = InhibitionSettingsReader.Read(configuration.GetSection(InhibitionSettingsReader.SectionName)))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ConfiguredInhibitions>, ConfiguredInhibitionsValidator>());
        services.TryAddSingleton(sp => new Inhibitor(sp.GetRequiredService<IOptions<ConfiguredInhibitions>>().Value.Rules));
        return services;
    }

    /// <summary>Fails the start with one line per bad inhibition setting.</summary>
    private sealed class ConfiguredInhibitionsValidator : IValidateOptions<ConfiguredInhibitions>
    {
        public ValidateOptionsResult Validate(string? name, ConfiguredInhibitions options) =>
            options.Errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(options.Errors);
    }
}
