namespace Alerts.Platform.Bus;

/// <summary>The topology (the same names as infra/local/servicebus/Config.json and infra/modules/servicebus.bicep).</summary>
public static class ServiceBusNames
{
    public const string BreachesTopic = "breaches";
    public const string RouterSubscription = "router";
    public const string NotificationsTopic = "notifications";
    public const string EmailSubscription = "email";
    public const string TeamsSubscription = "teams";
}
