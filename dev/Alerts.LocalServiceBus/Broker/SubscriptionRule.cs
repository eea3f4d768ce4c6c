using Alerts.LocalServiceBus.Filters;

namespace Alerts.LocalServiceBus.Broker;

/// <summary>A named rule of a subscription; a message is copied to the subscription when any rule matches.</summary>
internal sealed record SubscriptionRule(string Name, MessageFilter Filter)
{
    /// <summary>The rule a subscription has when none is configured.</summary>
    public static SubscriptionRule Default { get; } = new("$Default", MessageFilter.True);
}
