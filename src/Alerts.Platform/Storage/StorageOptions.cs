using System.Text.RegularExpressions;

namespace Alerts.Platform.Storage;

/// <summary>
/// Where the app's tables and blobs live: <c>Storage:ConnectionString</c> (Azurite, or a key-based account),
/// or <c>Storage:TableServiceUri</c> and <c>Storage:BlobServiceUri</c> with <c>DefaultAzureCredential</c>
/// (managed identity in Azure).
/// </summary>
public sealed partial class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>A storage connection string; a secret (it may hold the account key): never logged.</summary>
    public string? ConnectionString { get; set; }

    public Uri? TableServiceUri { get; set; }

    public Uri? BlobServiceUri { get; set; }

    /// <summary>
    /// Optional prefix for every table and container name (lower-case letters and digits, starting with a
    /// letter), so several deployments or test runs can share one account.
    /// </summary>
    public string? NamePrefix { get; set; }

    /// <summary>The problems, each naming the setting; empty when the options are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        var hasConnectionString = !string.IsNullOrWhiteSpace(ConnectionString);
        if (!hasConnectionString && (TableServiceUri is null || BlobServiceUri is null))
        {
            errors.Add($"Set {SectionName}:ConnectionString, or both {SectionName}:TableServiceUri and {SectionName}:BlobServiceUri (with a managed identity).");
        }

        if (!hasConnectionString)
        {
            CheckUri(TableServiceUri, nameof(TableServiceUri));
            CheckUri(BlobServiceUri, nameof(BlobServiceUri));
        }

        if (NamePrefix is not null && !PrefixPattern().IsMatch(NamePrefix))
        {
            errors.Add($"{SectionName}:NamePrefix must be 1-20 lower-case letters or digits starting with a letter.");
        }

        return errors;

        void CheckUri(Uri? uri, string name)
        {
            if (uri is not null && (!uri.IsAbsoluteUri || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)))
            {
                errors.Add($"{SectionName}:{name} must be an absolute http(s) URI.");
            }
        }
    }

    [GeneratedRegex("^[a-z][a-z0-9]{0,19}$")]
    private static partial Regex PrefixPattern();
}
