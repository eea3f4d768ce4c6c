using Alerts.Deliver.Rendering;
using Alerts.Deliver;
using Alerts.Deliver.Endpoints;
using Alerts.Deliver.Teams;
using Alerts.Platform.Secrets;
using Alerts.Route.Subscriptions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Alerts.Deliver.Email;

/// <summary>Registers the email channel: options from section <c>Smtp</c>, the notifier as an <see cref="INotifier"/>.</summary>
public static class EmailExtensions
{
    public static IServiceCollection AddEmailDelivery(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddNotificationRendering(configuration);
        services.AddOptions<EmailOptions>().Bind(configuration.GetSection(EmailOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EmailOptions>, EmailOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IChannelTarget, EmailTarget>());
        services.TryAddSingleton<EmailNotifier>();
        services.AddSingleton<INotifier>(sp => sp.GetRequiredService<EmailNotifier>());
        services.TryAddSingleton(sp => new SubscriptionLinks(sp.GetRequiredService<IOptions<RenderingOptions>>().Value, sp.GetRequiredService<SubscriptionTokens>()));
        services.TryAddSingleton<IVerificationMailer, VerificationMailer>();
        return services;
    }
}
