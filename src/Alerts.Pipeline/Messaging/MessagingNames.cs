namespace Alerts.Pipeline.Messaging;

/// <summary>The Service Bus topology (contract; the same as infra/local/servicebus/Config.json and infra/).</summary>
public static class MessagingNames
{
    public const string BreachesTopic = "breaches";
    public const string RouterSubscription = "router";
    public const string NotificationsTopic = "notifications";

    /// <summary>Application property that the <c>email</c> and <c>teams</c> subscriptions filter on.</summary>
    public const string ChannelProperty = "channel";

    /// <summary>Application property counting scheduled retries of one message.</summary>
    public const string AttemptProperty = "attempt";
}
