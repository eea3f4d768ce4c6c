using Alerts.Compute.Engine;
using Alerts.Evaluate.Lifecycle;
using Alerts.Pull.Statistics;
using Alerts.Route.NotificationLog;
using Alerts.Route.Notifications;
using Alerts.Route.Routing;
using Alerts.Route.Silences;
using Alerts.Route.Subscriptions;

namespace Alerts.TestKit.Events;

/// <summary>Alert events and notifications for the Service Bus tests (publishers, drain).</summary>
public static class BusTestEvents
{
    public static AlertEvent Event(string id, AlertState state = AlertState.Firing, string product = "85051110", int suppliers = 3) => new(
        id,
        "fp-" + product,
        "crma-single-country",
        "A single third country supplies more than 65%",
        "critical",
        product,
        "Rare-earth permanent magnets",
        "EU27_2020",
        TradeFlow.Import,
        "2024",
        Basis.Weight,
        "cr1",
        0.9,
        0.65,
        state,
        [.. Enumerable.Range(0, suppliers).Select(i => new SupplierShare(i == 0 ? "CN" : $"X{i}", 900m / (i + 1), 0.9 / (i + 1)))],
        0.6,
        state == AlertState.Firing ? null : new Revision("2024", 0.7, 0.6, "v1", "v2"),
        new DateTimeOffset(2026, 12, 1, 6, 0, 0, TimeSpan.Zero),
        "run-1");

    public static Notification Notification(string id, string channel, params AlertEvent[] events) =>
        new(id, "sub-1", channel, channel == Channels.Email ? "team@example.org" : "https://example.org/webhook", "crma/85051110", "first", events);
}
