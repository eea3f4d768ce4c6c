using Alerts.TestKit.Storage;


namespace Alerts.Platform.Tests.Storage;

[Collection(AzuriteCollection.Name)]
public sealed class StorageAccountTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task EnsureCreatedAsync_CalledTwice_CreatesEveryTableAndContainerOnce()
    {
        var account = await azurite.CreateAccountAsync();

        await account.EnsureCreatedAsync(CancellationToken.None); // second call: idempotent

        var tables = new List<string>();
        await foreach (var t in account.Tables.QueryAsync(filter: $"TableName ge '{account.NamePrefix}' and TableName lt '{account.NamePrefix}~'"))
        {
            tables.Add(t.Name[account.NamePrefix.Length..]);
        }

        Assert.Equal(Platform.Storage.StorageNames.Tables.Order(StringComparer.Ordinal), tables.Order(StringComparer.Ordinal));
        var containers = new List<string>();
        await foreach (var c in account.Blobs.GetBlobContainersAsync(prefix: account.NamePrefix))
        {
            containers.Add(c.Name[account.NamePrefix.Length..]);
        }

        Assert.Equal(Platform.Storage.StorageNames.Containers.Order(StringComparer.Ordinal), containers.Order(StringComparer.Ordinal));
    }
}
