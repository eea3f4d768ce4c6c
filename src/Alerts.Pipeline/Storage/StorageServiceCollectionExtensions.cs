using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Alerts.Pipeline.Storage;

/// <summary>Registers the storage account and one store per table or container.</summary>
public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="StorageOptions"/> from the <c>Storage</c> section (validated at start with a message
    /// naming the setting) and registers <see cref="StorageAccount"/> and the stores as singletons.
    /// Call <see cref="StorageAccount.EnsureCreatedAsync"/> once at start.
    /// </summary>
    public static IServiceCollection AddAlertsStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<StorageOptions>()
            .Bind(configuration.GetSection(StorageOptions.SectionName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>();
        services.AddSingleton(sp => StorageAccount.Create(sp.GetRequiredService<IOptions<StorageOptions>>().Value));
        services.AddSingleton<IndicesStore>();
        services.AddSingleton<AlertStore>();
        services.AddSingleton(typeof(SubscriptionStore<>));
        services.AddSingleton<NotificationLogStore>();
        services.AddSingleton<DeliveryHistoryStore>();
        services.AddSingleton<EndpointHealthStore>();
        services.AddSingleton<PullStateStore>();
        services.AddSingleton<SnapshotStore>();
        services.AddSingleton<RawArchive>();
        return services;
    }

    private sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
    {
        public ValidateOptionsResult Validate(string? name, StorageOptions options)
        {
            var errors = options.Validate();
            return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
        }
    }
}
