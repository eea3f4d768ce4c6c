using System.Text;
using Alerts.Compute.Store;
using Alerts.Deliver.Endpoints;
using Alerts.Deliver.History;
using Alerts.Evaluate.Lifecycle;
using Alerts.Platform.Storage;
using Alerts.Pull.Snapshots;
using Alerts.Pull.State;
using Alerts.Pull.Tests.State;
using Alerts.Route.NotificationLog;
using Alerts.Route.Subscriptions;
using Alerts.TestKit.Storage;

namespace Alerts.Pull.Tests.Snapshots;

[Collection(AzuriteCollection.Name)]
public sealed class RawArchiveTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task ArchiveAsync_Payload_IsStoredCompressedUnderSourceDateRunAndProduct()
    {
        var account = await azurite.CreateAccountAsync();
        var archive = new RawArchive(account);
        var payload = Encoding.UTF8.GetBytes("{\"version\":\"2.0\",\"updated\":\"2026-11-15\"," + new string(' ', 10_000) + "\"value\":{}}");

        var name = await archive.ArchiveAsync("comext", new DateOnly(2026, 12, 1), "run-42", "85051110", payload, "json", CancellationToken.None);

        Assert.Equal("comext/2026-12-01/run-42/85051110.json.gz", name);
        Assert.Equal(payload, await archive.ReadAsync(name, CancellationToken.None));
        var properties = await account.Container(StorageNames.RawContainer).GetBlobClient(name).GetPropertiesAsync();
        Assert.True(properties.Value.ContentLength < payload.Length / 10); // compressed
        Assert.Equal("gzip", properties.Value.ContentEncoding);
    }

    [Fact]
    public async Task ArchiveAsync_SameRunTwice_OverwritesOneBlob()
    {
        var account = await azurite.CreateAccountAsync();
        var archive = new RawArchive(account);

        await archive.ArchiveAsync("comext", new DateOnly(2026, 12, 1), "run-42", "85051110", "first"u8.ToArray(), "csv", CancellationToken.None);
        var name = await archive.ArchiveAsync("comext", new DateOnly(2026, 12, 1), "run-42", "85051110", "second"u8.ToArray(), "csv", CancellationToken.None);

        Assert.Equal("second"u8.ToArray(), await archive.ReadAsync(name, CancellationToken.None));
        var count = 0;
        await foreach (var _ in account.Container(StorageNames.RawContainer).GetBlobsAsync())
        {
            count++;
        }

        Assert.Equal(1, count);
    }

    [Theory]
    [InlineData("comext", "run/1", "85051110")] // '/' in the run id
    [InlineData("..", "run-1", "85051110")] // traversal as the source
    [InlineData("comext", "run-1", "a b")] // space
    public void BlobName_UnsafeSegment_Throws(string source, string runId, string product)
    {
        Assert.Throws<ArgumentException>(() => RawArchive.BlobName(source, new DateOnly(2026, 12, 1), runId, product));
    }
}
