using Alerts.Deliver.Rendering;
using Alerts.Deliver;
using Alerts.Deliver.Email;
using Alerts.Deliver.Endpoints;
using Alerts.Platform.Secrets;
using Alerts.Route.NotificationLog;
using Alerts.Route.Notifications;
using Alerts.Route.Routing;
using Alerts.Route.Silences;
using Alerts.Route.Subscriptions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Alerts.Deliver.Teams;

/// <summary>
/// Registers the Teams channel: options from section <c>Teams</c>, the <see cref="WebhookUrlPolicy"/> they
/// describe (also used by <see cref="SubscriptionRequestValidator"/>), and the notifier on a typed HttpClient
/// whose connections go through the <see cref="WebhookConnector"/>.
/// </summary>
public static class TeamsExtensions
{
    public static IServiceCollection AddTeamsDelivery(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddNotificationRendering(configuration);
        var section = configuration.GetSection(TeamsOptions.SectionName);
        services.AddOptions<TeamsOptions>()
            .Bind(section)
            .PostConfigure(o =>
            {
                // An app setting is one string: `Teams__AllowedHosts` may list hosts separated by commas.
                var scalar = section[nameof(TeamsOptions.AllowedHosts)];
                foreach (var host in (scalar ?? string.Empty).Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries))
                {
                    o.AllowedHosts.Add(host);
                }
            })
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TeamsOptions>, TeamsOptionsValidator>());
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<TeamsOptions>>().Value.ToPolicy());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IChannelTarget, TeamsTarget>());
        // The factory's default loggers write each request's URI, and a webhook URL is a secret; the notifier logs a redacted one.
        services.AddHttpClient<TeamsNotifier>()
            .RemoveAllLoggers()
            .ConfigurePrimaryHttpMessageHandler(sp => new WebhookConnector(sp.GetRequiredService<WebhookUrlPolicy>()).CreateHandler());
        services.AddTransient<INotifier>(sp => sp.GetRequiredService<TeamsNotifier>());
        services.TryAddEnumerable(ServiceDescriptor.Transient<ITargetProbe, TeamsTestCard>());
        return services;
    }
}
