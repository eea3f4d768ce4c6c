using Alerts.Deliver;
using Alerts.Deliver.Email;
using Alerts.Deliver.Teams;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Alerts.Deliver.Rendering;

/// <summary>Registers the renderers every channel shares, bound to section <c>Notifications</c>.</summary>
public static class RenderingExtensions
{
    public static IServiceCollection AddNotificationRendering(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<RenderingOptions>()
            .Bind(configuration.GetSection(RenderingOptions.SectionName))
            .PostConfigure(o =>
            {
                // The app-wide setting `PublicBaseUrl` (local.settings.sample.json) unless the section overrides it.
                var root = configuration[RenderingOptions.PublicBaseUrlSetting];
                if (!string.IsNullOrWhiteSpace(root) && string.IsNullOrWhiteSpace(configuration[RenderingOptions.SectionName + ":PublicBaseUrl"]))
                {
                    o.PublicBaseUrl = root;
                }
            })
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RenderingOptions>, RenderingOptionsValidator>());
        services.TryAddSingleton(sp => new EmailRenderer(sp.GetRequiredService<IOptions<RenderingOptions>>().Value));
        services.TryAddSingleton(sp => new TeamsCardRenderer(sp.GetRequiredService<IOptions<RenderingOptions>>().Value));
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }
}
