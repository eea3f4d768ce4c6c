using Alerts.Core.Delivery;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Alerts.Pipeline.Delivery.Email;

/// <summary>Registers the email channel: options from section <c>Smtp</c>, the notifier as an <see cref="INotifier"/>.</summary>
public static class EmailExtensions
{
    public static IServiceCollection AddEmailDelivery(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddNotificationRendering(configuration);
        services.AddOptions<EmailOptions>().Bind(configuration.GetSection(EmailOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EmailOptions>, EmailOptionsValidator>());
        services.TryAddSingleton<EmailNotifier>();
        services.AddSingleton<INotifier>(sp => sp.GetRequiredService<EmailNotifier>());
        return services;
    }
}
