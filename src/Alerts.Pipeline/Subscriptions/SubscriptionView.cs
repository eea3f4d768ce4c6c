using Alerts.Core.Delivery;
using Alerts.Core.Routing;

namespace Alerts.Pipeline.Subscriptions;

/// <summary>A subscription as the API returns it: the target (a secret) is redacted.</summary>
public sealed record SubscriptionView(
    string Id,
    string? Name,
    string Channel,
    string Target,
    SubscriptionFilter Filter,
    string GroupBy,
    string RepeatInterval,
    DateTimeOffset CreatedAt)
{
    public static SubscriptionView From(Subscription s) => new(
        s.Id,
        s.Name,
        s.Channel,
        SecretRedactor.RedactTarget(s.Channel, s.Target),
        s.Filter,
        s.GroupBy.ToString().ToLowerInvariant(),
        System.Xml.XmlConvert.ToString(s.RepeatInterval),
        s.CreatedAt);
}
