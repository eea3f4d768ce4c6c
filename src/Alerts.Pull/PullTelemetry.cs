using System.Diagnostics.Metrics;

namespace Alerts.Pull;

/// <summary>Metrics of step 1: how long each product's pull took and how many observations it brought.</summary>
public static class PullTelemetry
{
    /// <summary>The name of the <see cref="Meter"/>.</summary>
    public const string Name = "Alerts.Pull";

    private static readonly Meter Meter = new(Name);
    private static readonly Histogram<double> Duration = Meter.CreateHistogram<double>(
        "alerts.pull.duration", "s", "Time to pull, compute and evaluate one product, by source, product and status.");
    private static readonly Counter<long> Observations = Meter.CreateCounter<long>(
        "alerts.pull.observations", "{observation}", "Trade observations read from a source, by source and product.");

    /// <summary>Records one product of a run (commodity series are summed from products already counted: not recorded).</summary>
    public static void RecordProduct(ProductOutcome outcome, TimeSpan elapsed)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        KeyValuePair<string, object?> source = new("alerts.source", outcome.Source), product = new("alerts.product", outcome.Product);
        Duration.Record(elapsed.TotalSeconds, source, product, new("alerts.status", outcome.Status.ToString()));
        Observations.Add(outcome.Observations, source, product);
    }
}
