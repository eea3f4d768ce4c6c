using System.Globalization;
using System.IO.Compression;
using Alerts.Platform.Storage;
using Alerts.Pull.State;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace Alerts.Pull.Snapshots;

/// <summary>
/// The <c>raw</c> container: source payloads exactly as received, gzip-compressed, for audit and replay, at
/// <c>{source}/{yyyy-MM-dd}/{runId}/{product}.{extension}.gz</c>. Archiving the same run again overwrites
/// the same blob, so a retried run does not pile up copies.
/// </summary>
public sealed class RawArchive
{
    private readonly BlobContainerClient container;

    public RawArchive(StorageAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        container = account.Container(StorageNames.RawContainer);
    }

    public static string BlobName(string source, DateOnly date, string runId, string product, string extension = "json") =>
        string.Create(CultureInfo.InvariantCulture, $"{Segment(source)}/{date:yyyy-MM-dd}/{Segment(runId)}/{Segment(product)}.{Segment(extension)}.gz");

    /// <returns>The blob name.</returns>
    public async Task<string> ArchiveAsync(string source, DateOnly date, string runId, string product, ReadOnlyMemory<byte> payload, string extension, CancellationToken cancellationToken)
    {
        var name = BlobName(source, date, runId, product, extension);
        var options = new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = extension == "csv" ? "text/csv" : "application/json", ContentEncoding = "gzip" },
        };
        await container.GetBlobClient(name).UploadAsync(BinaryData.FromBytes(SnapshotFormat.Gzip(payload.Span)), options, cancellationToken).ConfigureAwait(false);
        return name;
    }

    /// <summary>The archived payload, decompressed.</summary>
    public async Task<byte[]> ReadAsync(string blobName, CancellationToken cancellationToken)
    {
        var download = await container.GetBlobClient(blobName).DownloadStreamingAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        await using var gzip = new GZipStream(download.Value.Content, CompressionMode.Decompress);
        using var buffer = new MemoryStream();
        await gzip.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        return buffer.ToArray();
    }

    private static string Segment(string value) =>
        value is not null && SnapshotStore.SegmentPattern().IsMatch(value)
            ? value
            : throw new ArgumentException($"'{value}' cannot be part of a blob name: letters, digits, '_', '-' and '.' only.", nameof(value));
}
