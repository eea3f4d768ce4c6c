using Alerts.Compute.Store;

using Alerts.Deliver.Endpoints;
using Alerts.Deliver.History;

using Alerts.Evaluate.Lifecycle;

using Alerts.Platform.Storage;
using Alerts.Pull.Snapshots;
using Alerts.Pull.State;

using Alerts.Route.NotificationLog;
using Alerts.Route.Subscriptions;

namespace Alerts.Platform.Tests.Storage;

public sealed class StorageOptionsTests
{
    [Theory]
    [InlineData("UseDevelopmentStorage=true", null, null, null, null)] // connection string alone
    [InlineData(null, "https://a.table.core.windows.net", "https://a.blob.core.windows.net", null, null)] // identity with both URIs
    [InlineData(null, null, null, null, "Set Storage:ConnectionString, or both Storage:TableServiceUri and Storage:BlobServiceUri")] // nothing set
    [InlineData(null, "https://a.table.core.windows.net", null, null, "Set Storage:ConnectionString, or both")] // blob URI missing
    [InlineData(null, "ftp://a", "https://a.blob.core.windows.net", null, "Storage:TableServiceUri must be an absolute http(s) URI")] // bad scheme
    [InlineData("UseDevelopmentStorage=true", null, null, "Bad-Prefix", "Storage:NamePrefix must be")] // prefix with capitals and '-'
    public void Validate_Settings_NamesTheBadSetting(string? connectionString, string? tableUri, string? blobUri, string? prefix, string? expected)
    {
        var options = new StorageOptions
        {
            ConnectionString = connectionString,
            TableServiceUri = tableUri is null ? null : new Uri(tableUri),
            BlobServiceUri = blobUri is null ? null : new Uri(blobUri),
            NamePrefix = prefix,
        };

        var errors = options.Validate();

        if (expected is null)
        {
            Assert.Empty(errors);
        }
        else
        {
            Assert.Contains(errors, e => e.StartsWith(expected, StringComparison.Ordinal));
        }
    }
}
