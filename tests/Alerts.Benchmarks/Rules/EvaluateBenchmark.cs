using System.Diagnostics;
using System.Globalization;
using Alerts.Compute.Engine;
using Alerts.Compute.Series;
using Alerts.Evaluate.Lifecycle;
using Alerts.Evaluate.Rules;
using Alerts.Pull.Statistics;

namespace Alerts.Benchmarks.Rules;

/// <summary>
/// Step 3 of the pipeline at full scale (the expected scale: ~300 codes x 28 reporters, a 24-month window):
/// the default rules evaluated on every series and the alert state machine applied to each result, against
/// the baseline of only reading each rule's metric from each period's indices.
/// </summary>
public sealed class EvaluateBenchmark : IBenchmark
{
    public string Name => "evaluate";

    public string Description => "RuleEvaluator + AlertLifecycle vs reading metrics only [--series N] [--periods N] [--runs N]";

    public Task<int> RunAsync(string[] args)
    {
        var seriesCount = BenchmarkArgs.Int(args, "--series", 8400);
        var periods = BenchmarkArgs.Int(args, "--periods", 24);
        var runs = BenchmarkArgs.Int(args, "--runs", 7);
        var now = new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);
        var indices = Indices(seriesCount, periods);
        var evaluator = new RuleEvaluator(DefaultRules.All);
        var catalog = MetricCatalog.Default;

        // First run: every alert is new; its records are the stored state for the steady-state run.
        var records = new Dictionary<string, AlertRecord>(StringComparer.Ordinal);
        var firstEvents = 0;
        foreach (var e in evaluator.Evaluate(indices))
        {
            var t = AlertLifecycle.Apply(null, e, "v1", now, "run-1");
            records[t.Record.Fingerprint] = t.Record;
            firstEvents += t.Events.Count;
        }

        var baseline = Timing.Median(runs, () =>
        {
            double sum = 0;
            foreach (var rule in DefaultRules.All)
            {
                foreach (var i in indices)
                {
                    sum += catalog.Read(rule.Metric, i.Indices);
                }
            }

            return (int)sum;
        });
        var evaluate = Timing.Median(runs, () => evaluator.Evaluate(indices).Count);
        var steady = Timing.Median(runs, () =>
        {
            var events = 0;
            foreach (var e in evaluator.Evaluate(indices))
            {
                var fp = AlertFingerprint.Compute(e.Rule.Id, e.Series, e.Basis);
                events += AlertLifecycle.Apply(records[fp], e, "v1", now, "run-2").Events.Count;
            }

            return events;
        });

        var evaluations = indices.Count * DefaultRules.All.Count;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"evaluate: {seriesCount} series x {periods} periods x {DefaultRules.All.Count} rules = {evaluations} evaluations; first run {firstEvents} events"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  baseline (read metrics only):      {baseline.TotalMilliseconds,8:0.0} ms"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  evaluate (group, sort, compare):   {evaluate.TotalMilliseconds,8:0.0} ms  ratio {evaluate / baseline:0.00}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  evaluate + lifecycle, steady state:{steady.TotalMilliseconds,8:0.0} ms  ratio {steady / baseline:0.00}  ({evaluations / steady.TotalSeconds:0} evaluations/s)"));
        return Task.FromResult(0);
    }

    private static List<SeriesIndices> Indices(int seriesCount, int periods)
    {
        var random = new Random(42);
        var result = new List<SeriesIndices>(seriesCount * periods);
        for (var s = 0; s < seriesCount; s++)
        {
            var series = new SeriesKey("R" + (s % 28).ToString("D2", CultureInfo.InvariantCulture), (10000000 + (s / 28)).ToString(CultureInfo.InvariantCulture), TradeFlow.Import);
            var period = Period.Monthly(2023, 1);
            for (var p = 0; p < periods; p++, period = period.Next())
            {
                var top = (decimal)(0.3 + (random.NextDouble() * 0.6));
                var amounts = new List<SupplierAmount> { new("CN", top * 1000) };
                for (var k = 1; k <= 6; k++)
                {
                    amounts.Add(new SupplierAmount("P" + k.ToString(CultureInfo.InvariantCulture), (1 - top) * 1000 / 6));
                }

                result.Add(new SeriesIndices(series, Basis.Weight, period, ConcentrationCalculator.Compute(amounts)));
            }
        }

        return result;
    }
}
