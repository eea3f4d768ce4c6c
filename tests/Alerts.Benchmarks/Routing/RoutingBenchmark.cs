using System.Diagnostics;
using System.Globalization;
using Alerts.Compute.Engine;
using Alerts.Evaluate.Lifecycle;
using Alerts.Pull.Statistics;
using Alerts.Route.NotificationLog;
using Alerts.Route.Notifications;
using Alerts.Route.Routing;
using Alerts.Route.Silences;
using Alerts.Route.Subscriptions;

namespace Alerts.Benchmarks.Routing;

/// <summary>
/// One routing pass (match, group, silence, dedup, ids) over many events and subscriptions, against the
/// baseline of only testing every event against every subscription's filter: the ratio is what grouping,
/// dedup and hashing cost on top of the unavoidable matching.
/// </summary>
public sealed class RoutingBenchmark : IBenchmark
{
    public string Name => "routing";

    public string Description => "Router.Route vs filter matching only [--events N] [--subscriptions N] [--runs N]";

    public Task<int> RunAsync(string[] args)
    {
        var events = BenchmarkArgs.Int(args, "--events", 2000);
        var subscriptions = BenchmarkArgs.Int(args, "--subscriptions", 1000);
        var runs = BenchmarkArgs.Int(args, "--runs", 15);
        var now = new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);
        var evs = Events(events, now);
        var subs = Subscriptions(subscriptions, now);
        var silences = new[] { new Silence("s-1", [new SilenceMatcher(SilenceMatcherNames.Product, "2805")], now.AddDays(-1), now.AddDays(1)) };

        var first = Router.Route(evs, subs, silences, [], now);
        var baseline = Timing.Median(runs, () => evs.Sum(e => subs.Count(s => SubscriptionMatcher.Matches(s, e))));
        var cold = Timing.Median(runs, () => Router.Route(evs, subs, silences, [], now).Notifications.Count);
        var warm = Timing.Median(runs, () => Router.Route(evs, subs, silences, first.LogUpdates, now.AddMinutes(5)).Notifications.Count);

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"routing: {events} events x {subscriptions} subscriptions -> {first.Notifications.Count} notifications, {first.Decisions.Count} decisions"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  baseline (filter matching only): {baseline.TotalMilliseconds,8:0.0} ms"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  route, empty log:                {cold.TotalMilliseconds,8:0.0} ms  ratio {cold / baseline:0.00}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  route, all already notified:     {warm.TotalMilliseconds,8:0.0} ms  ratio {warm / baseline:0.00}"));
        return Task.FromResult(0);
    }

    private static List<AlertEvent> Events(int count, DateTimeOffset now)
    {
        string[] products = ["85051110", "28053010", "81129289", "25041000", "81129295", "28469000"];
        string[] reporters = ["EU27_2020", "DE", "FR", "IT", "NL"];
        return [.. Enumerable.Range(0, count).Select(i =>
        {
            var product = products[i % products.Length] + (i / products.Length % 50).ToString("D2", CultureInfo.InvariantCulture);
            var fingerprint = "crma-65/" + reporters[i % reporters.Length] + "/" + product;
            return new AlertEvent(
                fingerprint + ":firing:2024", fingerprint, i % 2 == 0 ? "crma-65" : "hhi-2500", "rule", i % 3 == 0 ? "warning" : "critical",
                product, "product " + product, reporters[i % reporters.Length], TradeFlow.Import, "2024", Basis.Weight, "cr1", 0.9, 0.65,
                AlertState.Firing, [new SupplierShare("CN", 900m, 0.9), new SupplierShare("US", 100m, 0.1)], 0.8, null, now, "run");
        })];
    }

    private static List<Subscription> Subscriptions(int count, DateTimeOffset now)
    {
        string[] prefixes = ["8505", "2805", "8112", "2504", "", "28"];
        return [.. Enumerable.Range(0, count).Select(i => new Subscription(
            "sub-" + i.ToString("D5", CultureInfo.InvariantCulture), "owner", i % 2 == 0 ? Channels.Email : Channels.Teams, "ops@example.com",
            new SubscriptionFilter(
                prefixes[i % prefixes.Length].Length == 0 ? [] : [prefixes[i % prefixes.Length]],
                i % 4 == 0 ? ["EU27_2020"] : [],
                [],
                i % 5 == 0 ? Severity.Critical : Severity.Info,
                []),
            (GroupBy)(i % 5), TimeSpan.FromHours(24), now.AddDays(-1)))];
    }
}
