using System.Text.Json.Nodes;

namespace Alerts.Infra.Tests.Template;

/// <summary>The parameter sets the tests deploy with, each compiled and snapshotted once per test run.</summary>
public static class Deployments
{
    private static readonly Lazy<Deployment> FullLazy = new(() => Deployment.Of(Full()));
    private static readonly Lazy<Deployment> MinimalLazy = new(() => Deployment.Of(Minimal()));

    /// <summary>Everything on: SMTP with a user name and password, the Comtrade key in Key Vault, an operator principal.</summary>
    public static Deployment WithSecrets => FullLazy.Value;

    /// <summary>Only the required parameters: an SMTP relay without authentication, no Comtrade key, no operator.</summary>
    public static Deployment WithoutSecrets => MinimalLazy.Value;

    /// <summary>The parameters of <see cref="WithSecrets"/>.</summary>
    public static Dictionary<string, JsonNode?> Full() => new(Minimal())
    {
        ["principalId"] = "6f1c5a9e-0000-4000-8000-000000000001",
        ["smtpUserName"] = "alerts",
        ["smtpPassword"] = "test-only-password",
        ["comtradeSubscriptionKey"] = "test-only-key",
        ["useComtradeKey"] = true,
    };

    /// <summary>The parameters of <see cref="WithoutSecrets"/>.</summary>
    public static Dictionary<string, JsonNode?> Minimal() => new()
    {
        ["environmentName"] = "alerts-test",
        ["location"] = "westeurope",
        ["authClientId"] = "3f2b7c1d-0000-4000-8000-000000000002",
        ["smtpHost"] = "smtp.example.org",
        ["smtpFrom"] = "alerts@example.org",
        ["linkSigningKey"] = "test-only-link-signing-key-0123456789",
    };
}
