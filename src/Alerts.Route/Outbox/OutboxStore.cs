using System.Runtime.CompilerServices;
using System.Text.Json;
using Alerts.Platform.Storage;
using Azure.Storage.Blobs;

namespace Alerts.Route.Outbox;

/// <summary>
/// The <c>outbox</c> container: one JSON blob per pending notification (<c>{notification id}.json</c>). A blob, not a
/// table row, because a notification of many events outgrows a table property; normally the container is empty.
/// </summary>
public sealed class OutboxStore
{
    private readonly BlobContainerClient container;

    public OutboxStore(StorageAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        container = account.Container(StorageNames.OutboxContainer);
    }

    public async Task WriteAsync(OutboxEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var json = JsonSerializer.SerializeToUtf8Bytes(entry, StorageJson.Options);
        await container.GetBlobClient(NameOf(entry.Notification.NotificationId)).UploadAsync(BinaryData.FromBytes(json), overwrite: true, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Every pending entry, oldest decision first.</summary>
    public async IAsyncEnumerable<OutboxEntry> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var names = new List<string>();
        await foreach (var blob in container.GetBlobsAsync(cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            names.Add(blob.Name);
        }

        var entries = new List<OutboxEntry>();
        foreach (var name in names)
        {
            var response = await container.GetBlobClient(name).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            entries.Add(response.Value.Content.ToObjectFromJson<OutboxEntry>(StorageJson.Options)
                ?? throw new InvalidDataException($"Outbox entry {name} is null."));
        }

        foreach (var e in entries.OrderBy(e => e.DecidedAt).ThenBy(e => e.Notification.NotificationId, StringComparer.Ordinal))
        {
            yield return e;
        }
    }

    public async Task DeleteAsync(string notificationId, CancellationToken cancellationToken) =>
        await container.GetBlobClient(NameOf(notificationId)).DeleteIfExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);

    // Notification ids are hex hashes; anything else is refused rather than turned into a path.
    private static string NameOf(string notificationId) =>
        notificationId.All(char.IsAsciiLetterOrDigit) && notificationId.Length is > 0 and <= 128
            ? notificationId + ".json"
            : throw new ArgumentException($"'{notificationId}' is not a notification id.", nameof(notificationId));
}
