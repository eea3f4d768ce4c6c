using System.Globalization;
using Alerts.Compute.Engine;
using Alerts.Evaluate.Lifecycle;
using Alerts.Pull.Statistics;
using Alerts.Route.Notifications;
using Alerts.Route.Routing;
using Alerts.Route.Subscriptions;
using Alerts.Soak.Sinks;

namespace Alerts.Soak.Seeding;

/// <summary>
/// The subscriptions and notifications of one soak: subscriptions alternate email and Teams; a few are designated
/// permanent failures (mail to <c>bounce-*</c> answered 550, webhooks under <c>/gone/</c> answered 410), whose
/// notifications are expected to be dead-lettered, not delivered. Notification i goes to subscription i mod S and
/// carries one alert event whose commodity name holds the marker <c>soak#i</c> (six digits) the sinks recognise.
/// </summary>
public sealed class SoakPlan
{
    public const string Owner = "soak";

    private SoakPlan(IReadOnlyList<Subscription> subscriptions, IReadOnlyList<Notification> notifications)
    {
        Subscriptions = subscriptions;
        Notifications = notifications;
    }

    public IReadOnlyList<Subscription> Subscriptions { get; }

    public IReadOnlyList<Notification> Notifications { get; }

    public static SoakPlan Create(int subscriptionCount, int notificationCount, Uri webhookBase, DateTimeOffset now)
    {
        var bounces = Math.Max(2, subscriptionCount / 100);
        var gone = Math.Max(1, subscriptionCount / 200);
        var subscriptions = new List<Subscription>(subscriptionCount);
        for (var i = 0; i < subscriptionCount; i++)
        {
            var email = i % 2 == 0;
            var designated = email ? i / 2 < bounces : i / 2 < gone;
            var target = email
                ? designated ? $"{SmtpFaultSink.BouncePrefix}{i}@soak.test" : $"reader-{i}@soak.test"
                : new Uri(webhookBase, designated ? $"gone/{i}" : $"hook/{i}").ToString();
            subscriptions.Add(new Subscription(
                string.Create(CultureInfo.InvariantCulture, $"soak-sub-{i:D4}"),
                Owner,
                email ? Channels.Email : Channels.Teams,
                target,
                SubscriptionFilter.Everything,
                GroupBy.None,
                Subscription.DefaultRepeatInterval,
                now,
                string.Create(CultureInfo.InvariantCulture, $"Soak {i}")));
        }

        var notifications = new List<Notification>(notificationCount);
        for (var n = 0; n < notificationCount; n++)
        {
            var s = subscriptions[n % subscriptionCount];
            var e = Event(n, now);
            notifications.Add(new Notification(IdOf(n), s.Id, s.Channel, s.Target, "soak:" + n.ToString(CultureInfo.InvariantCulture), NotificationReasons.First, [e], s.Name));
        }

        return new SoakPlan(subscriptions, notifications);
    }

    public static string IdOf(int n) => string.Create(CultureInfo.InvariantCulture, $"soak-{n:D6}");

    /// <summary>Whether notification <paramref name="n"/> is expected to fail permanently (its target is designated to).</summary>
    public bool ExpectedPermanent(Notification notification) =>
        notification.Target.StartsWith(SmtpFaultSink.BouncePrefix, StringComparison.Ordinal) || notification.Target.Contains("/gone/", StringComparison.Ordinal);

    private static AlertEvent Event(int n, DateTimeOffset now)
    {
        var marker = string.Create(CultureInfo.InvariantCulture, $"soak#{n:D6}");
        var fingerprint = $"crma-65/EU27_2020/{marker}/weight";
        return new AlertEvent(
            fingerprint + ":firing:2024",
            fingerprint,
            "crma-65",
            "Single third country above 65% (CRMA benchmark)",
            "critical",
            "85051110",
            "magnets " + marker,
            "EU27_2020",
            TradeFlow.Import,
            "2024",
            Basis.Weight,
            "cr1",
            0.912,
            0.65,
            AlertState.Firing,
            [new SupplierShare("CN", 18_240_000m, 0.912), new SupplierShare("JP", 1_000_000m, 0.05)],
            0.88,
            null,
            now,
            "soak");
    }
}
