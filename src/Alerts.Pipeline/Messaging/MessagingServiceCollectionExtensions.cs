using Azure.Identity;
using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Alerts.Pipeline.Messaging;

/// <summary>Registers one shared <see cref="ServiceBusClient"/>, the two publishers and the drain.</summary>
public static class MessagingServiceCollectionExtensions
{
    public static IServiceCollection AddAlertsMessaging(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<ServiceBusOptions>().Bind(configuration.GetSection(ServiceBusOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ServiceBusOptions>, Validator>());
        services.TryAddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<ServiceBusOptions>>().Value;
            var clientOptions = new ServiceBusClientOptions { TransportType = ServiceBusTransportType.AmqpTcp };
            return string.IsNullOrWhiteSpace(o.ConnectionString)
                ? new ServiceBusClient(o.FullyQualifiedNamespace, new DefaultAzureCredential(), clientOptions)
                : new ServiceBusClient(o.ConnectionString, clientOptions);
        });
        services.TryAddSingleton<BreachPublisher>();
        services.TryAddSingleton<NotificationPublisher>();
        services.TryAddSingleton<SubscriptionDrain>();
        return services;
    }

    private sealed class Validator : IValidateOptions<ServiceBusOptions>
    {
        public ValidateOptionsResult Validate(string? name, ServiceBusOptions options)
        {
            var errors = options.Validate();
            return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
        }
    }
}
