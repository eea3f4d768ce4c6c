using Microsoft.Extensions.Configuration;

namespace Alerts.Infra.Tests.Template;

/// <summary>
/// The configuration the app would see in Azure: the template's app settings as environment variables
/// (<c>__</c> becomes <c>:</c>), with each Key Vault reference replaced by a resolved value, as App Service does.
/// </summary>
public static class AzureConfiguration
{
    /// <summary>The placeholder standing in for a secret App Service fetched from Key Vault.</summary>
    public const string ResolvedSecret = "value-from-key-vault";

    public static IConfiguration Of(Deployment deployment) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(deployment.AppSettings.Select(s => KeyValuePair.Create(
                s.Key.Replace("__", ":", StringComparison.Ordinal),
                (string?)(s.Value.StartsWith("@Microsoft.KeyVault(", StringComparison.Ordinal) ? ResolvedSecret : s.Value))))
            .Build();
}
