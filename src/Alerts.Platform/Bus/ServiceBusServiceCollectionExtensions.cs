using Azure.Core;
using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Alerts.Platform.Bus;

/// <summary>Registers one shared <see cref="ServiceBusClient"/>, the publishers and the drain.</summary>
public static class ServiceBusServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="ServiceBusOptions"/> from the <c>ServiceBus</c> section (validated at start with a
    /// message naming the setting); registers the client with <c>AddAzureClients</c> (a singleton: it owns the AMQP
    /// connection), on the app's one credential when no connection string is set, and <see cref="SubscriptionDrain"/>.
    /// The steps register their publishers.
    /// </summary>
    public static IServiceCollection AddAlertsServiceBus(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<ServiceBusOptions>()
            .Bind(configuration.GetSection(ServiceBusOptions.SectionName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<ServiceBusOptions>, ServiceBusOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddAzureClients(clients => clients.AddClient<ServiceBusClient, ServiceBusClientOptions>(
            (clientOptions, credential, sp) => CreateClient(sp.GetRequiredService<IOptions<ServiceBusOptions>>().Value, credential, clientOptions)));
        services.AddSingleton<SubscriptionDrain>();
        services.AddSingleton<DeadLetters.DeadLetterClient>();
        return services;
    }

    /// <exception cref="InvalidOperationException">The options are invalid; the message names the setting.</exception>
    public static ServiceBusClient CreateClient(ServiceBusOptions options, TokenCredential credential, ServiceBusClientOptions clientOptions)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(credential);
        ArgumentNullException.ThrowIfNull(clientOptions);
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException(string.Join(" ", errors));
        }

        clientOptions.RetryOptions = new ServiceBusRetryOptions { TryTimeout = options.TryTimeout, MaxRetries = 3 };
        return string.IsNullOrWhiteSpace(options.ConnectionString)
            ? new ServiceBusClient(options.FullyQualifiedNamespace, credential, clientOptions)
            : new ServiceBusClient(options.ConnectionString, clientOptions);
    }

    private sealed class ServiceBusOptionsValidator : IValidateOptions<ServiceBusOptions>
    {
        public ValidateOptionsResult Validate(string? name, ServiceBusOptions options)
        {
            var errors = options.Validate();
            return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
        }
    }
}
