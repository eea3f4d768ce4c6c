using Azure.Data.Tables;
using Azure.Core;
using Azure.Storage.Blobs;

namespace Alerts.Platform.Storage;

/// <summary>
/// The app's storage account: one <see cref="TableServiceClient"/> and one <see cref="BlobServiceClient"/>
/// (both thread-safe, shared by every store) and the resolved table and container names.
/// </summary>
public sealed class StorageAccount
{
    public StorageAccount(TableServiceClient tables, BlobServiceClient blobs, string? namePrefix = null)
    {
        Tables = tables ?? throw new ArgumentNullException(nameof(tables));
        Blobs = blobs ?? throw new ArgumentNullException(nameof(blobs));
        NamePrefix = namePrefix ?? string.Empty;
    }

    public TableServiceClient Tables { get; }

    public BlobServiceClient Blobs { get; }

    public string NamePrefix { get; }

    /// <summary>The table service: the connection string's account, else the URI with the app's credential.</summary>
    /// <exception cref="InvalidOperationException">The options are invalid; the message names the setting.</exception>
    public static TableServiceClient CreateTables(StorageOptions options, TokenCredential credential, TableClientOptions clientOptions) =>
        HasConnectionString(options)
            ? new TableServiceClient(options.ConnectionString, clientOptions)
            : new TableServiceClient(options.TableServiceUri!, credential, clientOptions);

    /// <summary>The blob service: the connection string's account, else the URI with the app's credential.</summary>
    /// <exception cref="InvalidOperationException">The options are invalid; the message names the setting.</exception>
    public static BlobServiceClient CreateBlobs(StorageOptions options, TokenCredential credential, BlobClientOptions clientOptions) =>
        HasConnectionString(options)
            ? new BlobServiceClient(options.ConnectionString, clientOptions)
            : new BlobServiceClient(options.BlobServiceUri!, credential, clientOptions);

    private static bool HasConnectionString(StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException(string.Join(" ", errors));
        }

        return !string.IsNullOrWhiteSpace(options.ConnectionString);
    }

    public TableClient Table(string name) => Tables.GetTableClient(NamePrefix + name);

    public BlobContainerClient Container(string name) => Blobs.GetBlobContainerClient(NamePrefix + name);

    /// <summary>Creates every table and container that does not exist yet; safe to call on every start.</summary>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        foreach (var table in StorageNames.Tables)
        {
            await Tables.CreateTableIfNotExistsAsync(NamePrefix + table, cancellationToken).ConfigureAwait(false);
        }

        foreach (var container in StorageNames.Containers)
        {
            await Container(container).CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }
}
