using System.Diagnostics;
using System.Globalization;
using Alerts.Compute.Engine;
using Alerts.Evaluate.Lifecycle;
using Alerts.Platform.Bus;
using Alerts.Pull.Statistics;
using Alerts.Route.Notifications;
using Alerts.Route.Routing;
using Alerts.Route.Silences;
using Alerts.Route.Subscriptions;

namespace Alerts.Benchmarks.Routing;

/// <summary>
/// The routing step as the drain runs it (<see cref="RouteService"/>): the subscriptions indexed once per run, then per
/// received batch of <see cref="DrainOptions.BatchSize"/> events the index's matches and <see cref="Router.Route"/> (group,
/// silence, dedup, ids), against the baseline of testing every event against every subscription's filter (what each
/// batch cost before the index), at three sizes. Storage and bus I/O are not in the figure: the notification log reads
/// and writes the drain would do are counted instead.
/// </summary>
public sealed class RoutingBenchmark : IBenchmark
{
    private static readonly string[] Reporters = ["EU27_2020", "DE", "FR", "IT", "NL", "ES", "PL", "BE"];

    public string Name => "routing";

    public string Description => "drain-path routing at 1k x 200, 3k x 600, 10k x 2k (or --subscriptions N --events N) vs all-pairs matching [--runs N] [--batch N]";

    public Task<int> RunAsync(string[] args)
    {
        var runs = BenchmarkArgs.Int(args, "--runs", 3);
        var batch = BenchmarkArgs.Int(args, "--batch", new DrainOptions().BatchSize);
        var budget = new DrainOptions().TimeBudget;
        (int Subscriptions, int Events)[] sizes = args.Contains("--subscriptions")
            ? [(BenchmarkArgs.Int(args, "--subscriptions", 1000), BenchmarkArgs.Int(args, "--events", 200))]
            : [(1_000, 200), (3_000, 600), (10_000, 2_000)];
        var now = new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);
        var silences = new[] { new Silence("s-1", [new SilenceMatcher(SilenceMatcherNames.Product, "2805")], now.AddDays(-1), now.AddDays(1)) };

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"routing: drain batches of {batch} events, median of {runs} runs; budget {budget.TotalSeconds:0} s"));
        Console.WriteLine("| subscriptions x events | matched pairs | log reads (sub, group) | notifications | route wall ms | route CPU ms | CPU per (sub+event) us | all-pairs baseline wall ms | baseline CPU ms | route / baseline (CPU) |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (subCount, eventCount) in sizes)
        {
            var events = Events(eventCount, subCount, now);
            var subs = Subscriptions(subCount, now);
            var (pairs, reads, notifications) = RouteBatches(subs, events, silences, batch, now);
            var (route, routeCpu) = Measure(runs, () => RouteBatches(subs, events, silences, batch, now).Notifications);
            var (baseline, baselineCpu) = Measure(runs, () => AllPairs(subs, events, batch));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {subCount:N0} x {eventCount:N0} | {pairs:N0} | {reads:N0} | {notifications:N0} | {route.TotalMilliseconds:0.0} | {routeCpu.TotalMilliseconds:0.0} | {routeCpu.TotalMicroseconds / (subCount + eventCount):0.00} | {baseline.TotalMilliseconds:0.0} | {baselineCpu.TotalMilliseconds:0.0} | {routeCpu / baselineCpu:0.000} |"));
        }

        return Task.FromResult(0);
    }

    // Median wall and median process CPU time of runs after one warm-up: on a shared machine the CPU time is the steadier figure.
    private static (TimeSpan Wall, TimeSpan Cpu) Measure(int runs, Func<int> action)
    {
        action();
        var walls = new List<TimeSpan>(runs);
        var cpus = new List<TimeSpan>(runs);
        using var process = Process.GetCurrentProcess();
        for (var i = 0; i < runs; i++)
        {
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            var start = Stopwatch.GetTimestamp();
            action();
            walls.Add(Stopwatch.GetElapsedTime(start));
            process.Refresh();
            cpus.Add(process.TotalProcessorTime - cpu);
        }

        return (walls.Order().ElementAt(runs / 2), cpus.Order().ElementAt(runs / 2));
    }

    // RouteService.RunAsync/RouteAsync without storage: index once, then each batch matched and routed on an empty log.
    private static (int Pairs, int Reads, int Notifications) RouteBatches(List<Subscription> subs, List<AlertEvent> events, Silence[] silences, int batch, DateTimeOffset now)
    {
        var index = new SubscriptionIndex(subs);
        int pairs = 0, reads = 0, notifications = 0;
        foreach (var chunk in events.Chunk(batch))
        {
            var matched = index.Match(chunk);
            foreach (var (s, matches) in matched)
            {
                pairs += matches.Count;
                reads += matches.Select(e => GroupKeys.For(s.GroupBy, e)).Distinct(StringComparer.Ordinal).Count();
            }

            notifications += Router.Route(chunk, [.. matched.Keys], silences, [], now).Notifications.Count;
        }

        return (pairs, reads, notifications);
    }

    // What every batch cost before the index: each of its events against every subscription's filter.
    private static int AllPairs(List<Subscription> subs, List<AlertEvent> events, int batch)
    {
        var count = 0;
        foreach (var chunk in events.Chunk(batch))
        {
            foreach (var s in subs)
            {
                foreach (var e in chunk)
                {
                    count += SubscriptionMatcher.Matches(s, e) ? 1 : 0;
                }
            }
        }

        return count;
    }

    // Events on a product universe that grows with the subscriptions (one product code per 10 subscriptions), as more
    // subscribers follow more products; each event is one alert of one product and reporter.
    private static List<AlertEvent> Events(int count, int subscriptions, DateTimeOffset now)
    {
        var products = Math.Max(1, subscriptions / 10);
        return [.. Enumerable.Range(0, count).Select(i =>
        {
            var product = Product(i * 7919 % products);
            var reporter = Reporters[i % Reporters.Length];
            var fingerprint = "crma/" + reporter + "/" + product;
            return new AlertEvent(
                fingerprint + ":firing:2024", fingerprint, i % 2 == 0 ? "crma-single-country" : "hhi-high", "rule", i % 3 == 0 ? "warning" : "critical",
                product, "product " + product, reporter, TradeFlow.Import, "2024", Basis.Weight, "cr1", 0.9, 0.65,
                AlertState.Firing, [new SupplierShare("CN", 900m, 0.9), new SupplierShare("US", 100m, 0.1)], 0.8, null, now, "run");
        })];
    }

    // Most subscriptions follow one product (a quarter of them for one reporter); 10 operators take everything and 6 desks
    // one 4-digit heading each (those 16 match a share of every event, so their pairs grow with the events alone).
    private static List<Subscription> Subscriptions(int count, DateTimeOffset now)
    {
        var products = Math.Max(1, count / 10);
        return [.. Enumerable.Range(0, count).Select(i =>
        {
            var product = Product(i % products);
            IReadOnlyList<string> commodities = i < 10 ? [] : i < 16 ? [Product(i - 10)[..4]] : [product];
            return new Subscription(
                "sub-" + i.ToString("D5", CultureInfo.InvariantCulture), "owner", i % 2 == 0 ? Channels.Email : Channels.Teams, "ops@example.com",
                new SubscriptionFilter(commodities, i % 4 == 0 ? [Reporters[i % Reporters.Length]] : [], [], i % 5 == 0 ? Severity.Critical : Severity.Info, []),
                (GroupBy)(i % 5), TimeSpan.FromHours(24), now.AddDays(-1));
        })];
    }

    // Distinct 8-digit codes under a handful of 4-digit headings.
    private static string Product(int n)
    {
        string[] headings = ["8505", "2805", "8112", "2504", "2846", "8103"];
        return headings[n % headings.Length] + (n / headings.Length).ToString("D4", CultureInfo.InvariantCulture);
    }
}
