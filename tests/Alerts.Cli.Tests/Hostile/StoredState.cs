using System.Text;
using Alerts.Platform.Storage;
using Azure.Data.Tables;

namespace Alerts.Cli.Tests.Hostile;

/// <summary>
/// Everything one host has stored, as text: every entity of every table of its prefix (keys and properties, not
/// timestamps) and every blob of its containers (name and content hash), sorted, so two snapshots compare equal
/// exactly when nothing was added, changed or removed.
/// </summary>
internal static class StoredState
{
    public static async Task<IReadOnlyList<string>> SnapshotAsync(StorageAccount account)
    {
        var lines = new List<string>();
        await foreach (var table in account.Tables.QueryAsync(t => true))
        {
            if (!table.Name.StartsWith(account.NamePrefix, StringComparison.Ordinal))
            {
                continue;
            }

            await foreach (var e in account.Tables.GetTableClient(table.Name).QueryAsync<TableEntity>())
            {
                var properties = e.Where(p => p.Key is not ("odata.etag" or "Timestamp")).OrderBy(p => p.Key, StringComparer.Ordinal)
                    .Select(p => $"{p.Key}={Convert.ToString(p.Value, System.Globalization.CultureInfo.InvariantCulture)}");
                lines.Add($"table {table.Name} {string.Join(' ', properties)}");
            }
        }

        await foreach (var container in account.Blobs.GetBlobContainersAsync(prefix: account.NamePrefix))
        {
            await foreach (var blob in account.Blobs.GetBlobContainerClient(container.Name).GetBlobsAsync())
            {
                lines.Add($"blob {container.Name}/{blob.Name} {Convert.ToBase64String(blob.Properties.ContentHash ?? [])} {blob.Properties.ContentLength}");
            }
        }

        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    public static string Difference(IReadOnlyList<string> before, IReadOnlyList<string> after)
    {
        var text = new StringBuilder();
        foreach (var gone in before.Except(after))
        {
            text.AppendLine("- " + gone);
        }

        foreach (var added in after.Except(before))
        {
            text.AppendLine("+ " + added);
        }

        return text.ToString();
    }
}
