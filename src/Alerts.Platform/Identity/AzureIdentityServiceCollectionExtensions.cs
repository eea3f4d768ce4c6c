using Azure.Core;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alerts.Platform.Identity;

/// <summary>The one credential of the app's Azure clients, and the Azure SDK's logs in the app's <see cref="ILogger"/>.</summary>
public static class AzureIdentityServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="AzureIdentityOptions"/> (validated at start), registers its <see cref="TokenCredential"/> as
    /// the credential of every client registered with <c>AddAzureClients</c> (Service Bus, tables, blobs) and of the
    /// Azure Monitor exporter. The client factory forwards the SDK's event sources to <see cref="ILogger"/>
    /// (categories <c>Azure.Core</c>, <c>Azure.Messaging.ServiceBus</c>, ...) once the first client is created; they
    /// log every request at Information, so they start at Warning (raise them with <c>Logging:LogLevel:Azure.Core</c>).
    /// </summary>
    public static IServiceCollection AddAlertsAzureIdentity(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<AzureIdentityOptions>()
            .Bind(configuration.GetSection(AzureIdentityOptions.SectionName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<AzureIdentityOptions>, AzureIdentityOptionsValidator>();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<AzureIdentityOptions>>().Value.CreateCredential());
        services.AddAzureClients(clients => clients.UseCredential(sp => sp.GetRequiredService<TokenCredential>()));
        services.AddLogging(logging => logging.AddFilter(SdkLogCategoryPrefix, LogLevel.Warning));
        return services;
    }

    /// <summary>The prefix of the categories the SDK's event sources log under (<c>Azure.Core</c>, <c>Azure.Identity</c>, ...).</summary>
    public const string SdkLogCategoryPrefix = "Azure.";

    private sealed class AzureIdentityOptionsValidator : IValidateOptions<AzureIdentityOptions>
    {
        public ValidateOptionsResult Validate(string? name, AzureIdentityOptions options)
        {
            var errors = options.Validate();
            return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
        }
    }
}
