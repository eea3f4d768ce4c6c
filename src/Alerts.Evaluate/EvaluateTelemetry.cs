using System.Diagnostics;
using System.Diagnostics.Metrics;
using Alerts.Evaluate.Lifecycle;

namespace Alerts.Evaluate;

/// <summary>
/// Traces and metrics of steps 1-3: the span of a pull run (the root of every breach's trace: the breaches it
/// publishes carry it on) and the alerts that fired or resolved.
/// </summary>
public static class EvaluateTelemetry
{
    /// <summary>The name of the <see cref="ActivitySource"/> and the <see cref="Meter"/>.</summary>
    public const string Name = "Alerts.Evaluate";

    private static readonly ActivitySource Source = new(Name);
    private static readonly Meter Meter = new(Name);
    private static readonly Counter<long> Fired = Meter.CreateCounter<long>("alerts.alerts.fired", "{alert}", "Alerts that started firing, by rule and severity.");
    private static readonly Counter<long> Resolved = Meter.CreateCounter<long>("alerts.alerts.resolved", "{alert}", "Alerts that resolved, by rule and severity.");

    /// <summary>Starts the span <c>alerts.pull</c> of one run; null when nothing listens.</summary>
    public static Activity? StartRun(string runId, string source)
    {
        var activity = Source.StartActivity("alerts.pull", ActivityKind.Internal);
        activity?.SetTag("alerts.run_id", runId);
        activity?.SetTag("alerts.source", source);
        return activity;
    }

    /// <summary>Counts a published alert event as fired or resolved.</summary>
    public static void RecordEvent(AlertEvent alertEvent)
    {
        ArgumentNullException.ThrowIfNull(alertEvent);
        var counter = alertEvent.State == AlertState.Firing ? Fired : Resolved;
        counter.Add(1, new KeyValuePair<string, object?>("alerts.rule_id", alertEvent.RuleId), new KeyValuePair<string, object?>("alerts.severity", alertEvent.Severity));
    }
}
