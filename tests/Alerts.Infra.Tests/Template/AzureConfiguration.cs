using Microsoft.Extensions.Configuration;

namespace Alerts.Infra.Tests.Template;

/// <summary>
/// The configuration the app would see in Azure: the template's app settings as environment variables
/// (<c>__</c> becomes <c>:</c>), with each Key Vault reference replaced by a resolved value and the platform's own WEBSITE_AUTH_ENABLED, as App Service does.
/// </summary>
public static class AzureConfiguration
{
    /// <summary>The placeholder standing in for a secret App Service fetched from Key Vault.</summary>
    public const string ResolvedSecret = "value-from-key-vault-standing-in-for-the-secret";

    public static IConfiguration Of(Deployment deployment) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(deployment.AppSettings.Select(s => KeyValuePair.Create(
                s.Key.Replace("__", ":", StringComparison.Ordinal),
                (string?)(s.Value.StartsWith("@Microsoft.KeyVault(", StringComparison.Ordinal) ? ResolvedSecret : s.Value))))
            // Set by the platform, not by the template, when App Service authentication (authsettingsV2) is on, which
            // AuthenticationTests hold the template to.
            .AddInMemoryCollection([KeyValuePair.Create("WEBSITE_AUTH_ENABLED", (string?)"True")])
            .Build();
}
