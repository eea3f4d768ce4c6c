using Alerts.Route.NotificationLog;
using Alerts.Route.Notifications;
using Alerts.Route.Routing;
using Alerts.Route.Subscriptions;
using Microsoft.Extensions.Options;

namespace Alerts.Route.Silences;

/// <summary>The silences in force, from configuration section <c>Silences</c> (operators mute a known issue there).</summary>
public sealed class SilenceProvider(IOptionsMonitor<List<Silence>> options)
{
    public IReadOnlyList<Silence> Current() => options.CurrentValue;
}
