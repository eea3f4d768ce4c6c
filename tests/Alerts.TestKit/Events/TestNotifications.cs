using Alerts.Compute.Engine;
using Alerts.Evaluate.Lifecycle;
using Alerts.Pull.Statistics;
using Alerts.Route.NotificationLog;
using Alerts.Route.Notifications;
using Alerts.Route.Routing;
using Alerts.Route.Silences;
using Alerts.Route.Subscriptions;

using Xunit;

namespace Alerts.TestKit.Events;

/// <summary>Notifications for the delivery tests: one CRMA breach on rare-earth permanent magnets.</summary>
public static class TestNotifications
{
    /// <summary>A secret path and signature that must never show up in an outcome or a log.</summary>
    public const string SecretPath = "workflows/5ecre7-f10w/triggers/manual/paths/invoke";
    public const string SecretSig = "sig=S3CR3T-S1GNATURE";

    public static readonly DateTimeOffset Now = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);

    public static AlertEvent Breach(string fingerprint = "crma-65/EU27_2020/85051110/weight") => new(
        fingerprint + ":firing:2024",
        fingerprint,
        "crma-65",
        "Single third country above 65% (CRMA benchmark)",
        "critical",
        "85051110",
        "rare-earth permanent magnets",
        "EU27_2020",
        TradeFlow.Import,
        "2024",
        Basis.Weight,
        "cr1",
        0.912,
        0.65,
        AlertState.Firing,
        [new SupplierShare("CN", 18_240_000m, 0.912), new SupplierShare("JP", 1_000_000m, 0.05), new SupplierShare("VN", 760_000m, 0.038)],
        0.88,
        null,
        Now,
        "run-1");

    public static Notification For(string channel, string target, params AlertEvent[] events) =>
        new(
            NotificationIds.For("sub-1", (events.Length == 0 ? [Breach()] : events).Select(e => e.EventId)),
            "sub-1",
            channel,
            target,
            "commodity:85051110",
            NotificationReasons.First,
            events.Length == 0 ? [Breach()] : events,
            "Magnet desk");
}
