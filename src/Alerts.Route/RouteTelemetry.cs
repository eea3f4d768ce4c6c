using System.Diagnostics.Metrics;

namespace Alerts.Route;

/// <summary>Metrics of step 4 (routing).</summary>
public static class RouteTelemetry
{
    /// <summary>The name of the <see cref="Meter"/>.</summary>
    public const string Name = "Alerts.Route";

    private static readonly Meter Meter = new(Name);
    private static readonly Counter<long> Unreadable = Meter.CreateCounter<long>(
        "alerts.subscriptions.unreadable", "{subscription}", "Stored subscription rows that could not be read and were skipped by routing (the others are still routed).");

    public static void RecordUnreadableSubscription() => Unreadable.Add(1);
}
