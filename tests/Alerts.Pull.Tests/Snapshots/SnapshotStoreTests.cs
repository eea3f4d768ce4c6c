using System.Text;
using Alerts.Compute.Engine;
using Alerts.Compute.Store;
using Alerts.Deliver.Endpoints;
using Alerts.Deliver.History;
using Alerts.Evaluate.Lifecycle;
using Alerts.Platform.Storage;
using Alerts.Pull.Snapshots;
using Alerts.Pull.State;
using Alerts.Pull.Statistics;
using Alerts.Pull.Tests.State;
using Alerts.Route.NotificationLog;
using Alerts.Route.Subscriptions;
using Alerts.TestKit.Storage;
using Azure.Storage.Blobs;

namespace Alerts.Pull.Tests.Snapshots;

[Collection(AzuriteCollection.Name)]
public sealed class SnapshotStoreTests(AzuriteFixture azurite)
{
    private static readonly SeriesKey Magnets = new("EU27_2020", "85051110", TradeFlow.Import);

    private static TradeObservation Obs(string partner, string period, decimal? kg, decimal? value = 1000m) =>
        new(Magnets.Reporter, partner, Magnets.Product, Magnets.Flow, Period.Parse(period), kg, value, "EUR");

    private static readonly TradeObservation[] Window =
    [
        Obs("CN", "2024-01", 6000000m),
        Obs("MY", "2024-01", 2600000.50m),
        Obs("RU", "2024-01", null, null), // confidential: stays missing, never zero
        Obs("CN", "2024-02", 5000000m),
    ];

    [Fact]
    public async Task WriteAsync_ThenRead_RoundTripsTheObservationsAndVintage()
    {
        var store = new SnapshotStore(await azurite.CreateAccountAsync());

        var written = await store.WriteAsync("comext", Magnets, Window, "2026-11-15T11:00:00+0100", CancellationToken.None);
        var read = await store.ReadAsync("comext", Magnets, CancellationToken.None);

        Assert.True(written.Changed);
        Assert.Equal("comext/EU27_2020/85051110/import.jsonl.gz", written.BlobName);
        Assert.NotNull(read);
        Assert.Equal(Window.OrderBy(o => o.Period).ThenBy(o => o.Partner, StringComparer.Ordinal), read.Observations);
        Assert.Equal("2026-11-15T11:00:00+0100", read.Vintage);
        Assert.Equal(written.ContentHash, read.ContentHash);
        Assert.Null(await store.ReadAsync("comext", Magnets with { Product = "280530" }, CancellationToken.None));
    }

    [Fact]
    public async Task WriteAsync_SameObservationsInAnotherOrder_IsUnchangedAndWritesNothing()
    {
        var store = new SnapshotStore(await azurite.CreateAccountAsync());
        var first = await store.WriteAsync("comext", Magnets, Window, "v1", CancellationToken.None);

        var again = await store.WriteAsync("comext", Magnets, [.. Window.Reverse().Select(o => o.QuantityKg == 2600000.50m ? o with { QuantityKg = 2600000.5m } : o)], "v2", CancellationToken.None);

        Assert.False(again.Changed);
        Assert.Equal(first.ContentHash, again.ContentHash);
        Assert.Equal(first.ETag, again.ETag);
    }

    [Fact]
    public async Task WriteAsync_OneMonthRevised_IsChangedAndReadsBackTheNewValue()
    {
        var store = new SnapshotStore(await azurite.CreateAccountAsync());
        var first = await store.WriteAsync("comext", Magnets, Window, "v1", CancellationToken.None);
        TradeObservation[] revised = [.. Window.Select(o => o.Partner == "CN" && o.Period == Period.Monthly(2024, 2) ? o with { QuantityKg = 5100000m } : o)];

        var second = await store.WriteAsync("comext", Magnets, revised, "v2", CancellationToken.None);

        Assert.True(second.Changed);
        Assert.NotEqual(first.ContentHash, second.ContentHash);
        var read = await store.ReadAsync("comext", Magnets, CancellationToken.None);
        Assert.Equal(5100000m, read!.Observations.Single(o => o.Partner == "CN" && o.Period == Period.Monthly(2024, 2)).QuantityKg);
        Assert.Equal("v2", read.Vintage);
    }

    [Theory]
    [InlineData("duplicate", "partner CN in 2024-01 is given twice")] // would double-count
    [InlineData("other-series", "is not of series EU27_2020/85051110/import")] // a row of another product
    [InlineData("negative", "partner CN in 2024-01 has a negative amount")] // negative quantity
    public async Task WriteAsync_BadObservations_ThrowsAndKeepsTheStoredSnapshot(string problem, string expected)
    {
        var store = new SnapshotStore(await azurite.CreateAccountAsync());
        var first = await store.WriteAsync("comext", Magnets, Window, "v1", CancellationToken.None);
        TradeObservation[] bad = problem switch
        {
            "duplicate" => [.. Window, Obs("CN", "2024-01", 1m)],
            "other-series" => [.. Window, Obs("US", "2024-01", 1m) with { Product = "280530" }],
            _ => [.. Window.Where(o => o.Partner != "CN"), Obs("CN", "2024-01", -5m)],
        };

        var e = await Assert.ThrowsAsync<ArgumentException>(() => store.WriteAsync("comext", Magnets, bad, "v2", CancellationToken.None));

        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        var read = await store.ReadAsync("comext", Magnets, CancellationToken.None);
        Assert.Equal((first.ContentHash, "v1"), (read!.ContentHash, read.Vintage));
    }

    [Theory]
    [InlineData(true)] // the snapshot existed: this run's If-Match fails
    [InlineData(false)] // first snapshot: this run's If-None-Match fails
    public async Task WriteAsync_AnotherRunWroteBetweenReadAndUpload_ThrowsConflictAndKeepsTheOtherRunsSnapshot(bool existed)
    {
        var shared = await azurite.CreateAccountAsync();
        var other = new SnapshotStore(shared);
        if (existed)
        {
            await other.WriteAsync("comext", Magnets, Window, "v1", CancellationToken.None);
        }

        // The racing run's write lands just before this run's upload request goes out.
        var race = new BeforeUploadPolicy(() => other.WriteAsync("comext", Magnets, Window[..2], "v-other", CancellationToken.None));
        var blobOptions = new BlobClientOptions();
        blobOptions.AddPolicy(race, Azure.Core.HttpPipelinePosition.PerCall);
        var store = new SnapshotStore(new StorageAccount(shared.Tables, new BlobServiceClient(azurite.ConnectionString, blobOptions), shared.NamePrefix));

        await Assert.ThrowsAsync<StorageConflictException>(() => store.WriteAsync("comext", Magnets, Window[..1], "v-mine", CancellationToken.None));

        Assert.True(race.Fired);
        var read = await other.ReadAsync("comext", Magnets, CancellationToken.None);
        Assert.Equal(("v-other", 2), (read!.Vintage, read.Observations.Count));
    }

    [Fact]
    public async Task ReadAsync_CorruptLine_NamesTheBlobAndLine()
    {
        var account = await azurite.CreateAccountAsync();
        var store = new SnapshotStore(account);
        var written = await store.WriteAsync("comext", Magnets, Window, "v1", CancellationToken.None);
        var text = Encoding.UTF8.GetString(SnapshotFormat.Encode(Magnets, Window)).Replace("\"partner\":\"MY\"", "\"partner\":7", StringComparison.Ordinal);
        await account.Container(StorageNames.SnapshotsContainer).GetBlobClient(written.BlobName)
            .UploadAsync(BinaryData.FromBytes(SnapshotFormat.Gzip(Encoding.UTF8.GetBytes(text))), overwrite: true);

        var e = await Assert.ThrowsAsync<InvalidDataException>(() => store.ReadAsync("comext", Magnets, CancellationToken.None));

        Assert.StartsWith($"{account.NamePrefix}snapshots/comext/EU27_2020/85051110/import.jsonl.gz line 2: not an observation", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("comext/x", "85051110")] // a '/' in the source would escape its folder
    [InlineData("comext", "../secret")] // path traversal in the product
    [InlineData("comext", "")] // empty product
    [InlineData("comext", "../metal")] // a commodity series' id is checked like a product
    [InlineData("comext", "rare-earths/flakes")] // not a stage: an unsafe product
    public void BlobName_UnsafeSegment_Throws(string source, string product)
    {
        Assert.Throws<ArgumentException>(() => SnapshotStore.BlobName(source, Magnets with { Product = product }));
    }

    [Fact]
    public void BlobName_CommoditySeries_OneFolderPerIdAndStage()
    {
        Assert.Equal("comext/EU27_2020/rare-earths/metal/import.jsonl.gz", SnapshotStore.BlobName("comext", Magnets with { Product = "rare-earths/metal" }));
    }
}

/// <summary>Runs an action once, just before the first blob upload (PUT) request is sent.</summary>
internal sealed class BeforeUploadPolicy(Func<Task> action) : Azure.Core.Pipeline.HttpPipelinePolicy
{
    public bool Fired { get; private set; }

    public override void Process(Azure.Core.HttpMessage message, ReadOnlyMemory<Azure.Core.Pipeline.HttpPipelinePolicy> pipeline) =>
        ProcessAsync(message, pipeline).AsTask().GetAwaiter().GetResult();

    public override async ValueTask ProcessAsync(Azure.Core.HttpMessage message, ReadOnlyMemory<Azure.Core.Pipeline.HttpPipelinePolicy> pipeline)
    {
        if (!Fired && message.Request.Method == Azure.Core.RequestMethod.Put)
        {
            Fired = true;
            await action();
        }

        await ProcessNextAsync(message, pipeline);
    }
}
