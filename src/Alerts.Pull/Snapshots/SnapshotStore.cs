using System.Text.RegularExpressions;
using Alerts.Platform.Storage;
using Alerts.Pull.Catalog;
using Alerts.Pull.State;
using Alerts.Pull.Statistics;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace Alerts.Pull.Snapshots;

/// <summary>
/// The <c>snapshots</c> container: per source and series, every observation of the pulled window as gzip
/// JSON lines (<see cref="SnapshotFormat"/>), at <c>{source}/{reporter}/{product}/{flow}.jsonl.gz</c> (a commodity series: <c>{id}/{stage}</c> in place of the product), with
/// the content hash and vintage in the blob's metadata. A snapshot is replaced by one conditional upload:
/// Blob storage commits an upload as a whole, so a reader sees the old snapshot or the new one, never part
/// of one, and the condition (the ETag read, or "does not exist") stops two runs from overwriting each other.
/// </summary>
public sealed partial class SnapshotStore
{
    public const string HashMetadata = "contenthash";
    public const string VintageMetadata = "vintage";
    public const string CountMetadata = "observations";
    public const string FormatMetadata = "format";

    private readonly BlobContainerClient container;

    public SnapshotStore(StorageAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        container = account.Container(StorageNames.SnapshotsContainer);
    }

    public static string BlobName(string source, SeriesKey series) =>
        $"{Segment(source, "source")}/{Segment(series.Reporter, "reporter")}/{ProductPath(series.Product)}/{series.Flow.Name()}.jsonl.gz";

    /// <summary>
    /// Stores the series' observations unless the stored snapshot has the same content.
    /// </summary>
    /// <returns>Whether the content changed, and its hash.</returns>
    /// <exception cref="ArgumentException">Observations of another series, duplicates or negative amounts: nothing is stored.</exception>
    /// <exception cref="StorageConflictException">Another run replaced the snapshot meanwhile.</exception>
    public async Task<SnapshotWriteResult> WriteAsync(string source, SeriesKey series, IReadOnlyCollection<TradeObservation> observations, string vintage, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(vintage);
        var name = BlobName(source, series);
        var canonical = SnapshotFormat.Encode(series, observations);
        var hash = SnapshotFormat.ContentHash(canonical);
        var blob = container.GetBlobClient(name);
        ETag? existing = null;
        try
        {
            var properties = await blob.GetPropertiesAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            if (properties.Value.Metadata.TryGetValue(HashMetadata, out var stored) && stored == hash)
            {
                return new SnapshotWriteResult(false, hash, name, properties.Value.ETag);
            }

            existing = properties.Value.ETag;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
        }

        var options = new BlobUploadOptions
        {
            Conditions = existing is { } etag ? new BlobRequestConditions { IfMatch = etag } : new BlobRequestConditions { IfNoneMatch = ETag.All },
            HttpHeaders = new BlobHttpHeaders { ContentType = "application/x-ndjson", ContentEncoding = "gzip" },
            Metadata = new Dictionary<string, string>
            {
                [HashMetadata] = hash,
                [VintageMetadata] = Uri.EscapeDataString(vintage),
                [CountMetadata] = observations.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                [FormatMetadata] = SnapshotFormat.FormatName,
            },
        };
        try
        {
            var response = await blob.UploadAsync(BinaryData.FromBytes(SnapshotFormat.Gzip(canonical)), options, cancellationToken).ConfigureAwait(false);
            return new SnapshotWriteResult(true, hash, name, response.Value.ETag);
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            throw new StorageConflictException($"Snapshot {name} was replaced by another run.", e);
        }
    }

    /// <summary>The stored snapshot, or null when there is none.</summary>
    /// <exception cref="InvalidDataException">The blob is not a snapshot; names the blob and line.</exception>
    public async Task<Snapshot?> ReadAsync(string source, SeriesKey series, CancellationToken cancellationToken)
    {
        var name = BlobName(source, series);
        try
        {
            var download = await container.GetBlobClient(name).DownloadStreamingAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            await using var content = download.Value.Content;
            var metadata = download.Value.Details.Metadata;
            var observations = SnapshotFormat.Decode(content, $"{container.Name}/{name}");
            return new Snapshot(
                series,
                observations,
                metadata.TryGetValue(VintageMetadata, out var v) ? Uri.UnescapeDataString(v) : null,
                metadata.TryGetValue(HashMetadata, out var h) ? h : null,
                download.Value.Details.ETag);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    // A commodity series (rare-earths/metal) is stored one folder deeper than a product code: each part is checked alone.
    private static string ProductPath(string product) =>
        CommodityNames.TryParseSeries(product, out var id, out var stage)
            ? $"{Segment(id, "product")}/{CommodityNames.StageName(stage)}"
            : Segment(product, "product");

    private static string Segment(string value, string what) =>
        value is not null && SegmentPattern().IsMatch(value)
            ? value
            : throw new ArgumentException($"The {what} '{value}' cannot name a blob: letters, digits, '_', '-' and '.' only.", what);

    [GeneratedRegex("^[A-Za-z0-9_][A-Za-z0-9_.-]{0,99}$")]
    internal static partial Regex SegmentPattern();
}

/// <summary>Outcome of <see cref="SnapshotStore.WriteAsync"/>.</summary>
/// <param name="Changed">False when the stored snapshot already had this content (nothing was written).</param>
public sealed record SnapshotWriteResult(bool Changed, string ContentHash, string BlobName, ETag ETag);

/// <summary>A stored series snapshot.</summary>
public sealed record Snapshot(SeriesKey Series, IReadOnlyList<TradeObservation> Observations, string? Vintage, string? ContentHash, ETag ETag);
