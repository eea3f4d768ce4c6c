using Alerts.DevStack;
using Alerts.Route.NotificationLog;
using Alerts.Route.Notifications;
using Alerts.Route.Routing;
using Alerts.Route.Silences;
using Alerts.Route.Subscriptions;

namespace Alerts.Cli.Demo;

/// <summary>The two subscriptions the demo creates: a team mailbox for every warning and a Teams channel for critical breaches.</summary>
public static class DemoSubscriptions
{
    public const string Owner = "demo-supply-risk-team";

    public const string Mailbox = "supply-risk@example.eu";

    public static SubscriptionRequest Email() => new()
    {
        Name = "Supply-risk team mailbox",
        Channel = Channels.Email,
        Target = Mailbox,
        MinSeverity = "warning",
        States = ["firing", "resolved"],
        GroupBy = "commodity",
    };

    public static SubscriptionRequest Teams(LocalStack stack) => new()
    {
        Name = "Critical raw materials channel",
        Channel = Channels.Teams,
        Target = stack.Webhooks.UrlFor("/workflows/critical-raw-materials").ToString(),
        MinSeverity = "critical",
        GroupBy = "commodity",
    };
}
