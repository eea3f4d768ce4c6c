namespace Alerts.Platform.Bus;

/// <summary>Application property names set on messages (filters and subscribers rely on them).</summary>
public static class MessageProperties
{
    public const string Severity = "severity";
    public const string Commodity = "commodity";
    public const string Reporter = "reporter";
    public const string State = "state";
    public const string RuleId = "ruleId";
    public const string Channel = "channel";
    public const string SubscriptionId = "subscriptionId";

    /// <summary>On a scheduled retry copy: 1 for the first retry.</summary>
    public const string RetryAttempt = "retryAttempt";

    /// <summary>On a scheduled retry copy: the MessageId of the first delivery.</summary>
    public const string OriginalMessageId = "originalMessageId";

    /// <summary>On a scheduled retry copy: the subscription that asked for the retry; others skip it.</summary>
    public const string RetryFor = "retryFor";
}
