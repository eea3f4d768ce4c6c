using System.Diagnostics.Metrics;

namespace Alerts.Functions.Pull.Recalculations;

/// <summary>The recalculation queue's length, as the worker sees it each time its timer looks at the queue.</summary>
public static class RecalculationTelemetry
{
    /// <summary>The name of the <see cref="Meter"/>.</summary>
    public const string Name = "Alerts.Recalculations";

    private static readonly Meter Meter = new(Name);
    private static readonly Gauge<long> Queued = Meter.CreateGauge<long>("alerts.recalculations.queued", "{run}", "Recalculations waiting to run.");

    public static void RecordQueued(int count) => Queued.Record(count);
}
