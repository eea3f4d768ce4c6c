namespace Alerts.DevStack;

/// <summary>
/// The app setting names the local stack fills in: the same names as the Functions app,
/// <c>local.settings.sample.json</c> and <c>alerts devstack</c> use.
/// </summary>
public static class LocalStackSettings
{
    public const string ServiceBusConnectionString = "ServiceBus__ConnectionString";
    public const string StorageConnectionString = "Storage__ConnectionString";
    public const string AzureWebJobsStorage = "AzureWebJobsStorage";
    public const string SmtpHost = "Smtp__Host";
    public const string SmtpPort = "Smtp__Port";
    public const string SmtpFrom = "Smtp__From";
    public const string TeamsAllowedHosts = "Teams__AllowedHosts";
    public const string TeamsAllowInsecureLoopback = "Teams__AllowInsecureLoopback";
    public const string ComextBaseUrl = "Sources__Comext__BaseUrl";
    public const string ComtradeBaseUrl = "Sources__Comtrade__BaseUrl";
    public const string WebhooksBaseUrl = "Webhooks__BaseUrl";
    public const string PublicBaseUrl = "PublicBaseUrl";

    /// <summary>Replay source names, also their path prefixes on the replay server.</summary>
    public const string ComextSource = "comext";
    public const string ComtradeSource = "comtrade";
}
