using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Alerts.Platform.Storage;

/// <summary>Registers the storage account and one store per table or container.</summary>
public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="StorageOptions"/> from the <c>Storage</c> section (validated at start with a message
    /// naming the setting), registers the table and blob service clients with <c>AddAzureClients</c> (on the app's
    /// one credential when no connection string is set) and <see cref="StorageAccount"/> over them, whose tables and
    /// containers are created when the host starts. Each step registers its own stores.
    /// </summary>
    public static IServiceCollection AddAlertsStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<StorageOptions>()
            .Bind(configuration.GetSection(StorageOptions.SectionName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>();
        services.AddAzureClients(clients =>
        {
            clients.AddClient<TableServiceClient, TableClientOptions>((o, credential, sp) => StorageAccount.CreateTables(Options(sp), credential, o));
            clients.AddClient<BlobServiceClient, BlobClientOptions>((o, credential, sp) => StorageAccount.CreateBlobs(Options(sp), credential, o));
        });
        services.AddSingleton(sp => new StorageAccount(
            sp.GetRequiredService<TableServiceClient>(), sp.GetRequiredService<BlobServiceClient>(), Options(sp).NamePrefix));
        services.AddHostedService<StorageInitializer>();
        return services;
    }

    private static StorageOptions Options(IServiceProvider services) => services.GetRequiredService<IOptions<StorageOptions>>().Value;

    private sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
    {
        public ValidateOptionsResult Validate(string? name, StorageOptions options)
        {
            var errors = options.Validate();
            return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
        }
    }
}
