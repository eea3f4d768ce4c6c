using Azure.Core;
using Azure.Identity;

namespace Alerts.Platform.Identity;

/// <summary>
/// Which identity every Azure client of the app uses where it has no connection string:
/// <c>Azure:ManagedIdentityClientId</c> names the user-assigned managed identity in Azure; without it,
/// <see cref="DefaultAzureCredential"/> (the developer's Azure CLI or Visual Studio sign-in locally).
/// </summary>
public sealed class AzureIdentityOptions
{
    public const string SectionName = "Azure";

    /// <summary>The client id (a GUID) of the user-assigned managed identity; not a secret.</summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>The problems, each naming the setting; empty when usable.</summary>
    public IReadOnlyList<string> Validate() =>
        string.IsNullOrWhiteSpace(ManagedIdentityClientId) || Guid.TryParse(ManagedIdentityClientId, out _)
            ? []
            : [$"{SectionName}:ManagedIdentityClientId must be the client id (a GUID) of the user-assigned managed identity."];

    /// <summary>
    /// In Azure the managed identity alone (no fallback chain to probe, so a missing role fails fast and clearly);
    /// elsewhere the default chain.
    /// </summary>
    public TokenCredential CreateCredential() => string.IsNullOrWhiteSpace(ManagedIdentityClientId)
        ? new DefaultAzureCredential()
        : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(ManagedIdentityClientId));
}
