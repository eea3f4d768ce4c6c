using Alerts.Compute.Engine;
using Alerts.Evaluate.Lifecycle;
using Alerts.Pull.Statistics;

namespace Alerts.TestKit.Events;

/// <summary>Alert events for routing and rendering tests, with plausible defaults (rare-earth magnets, CRMA 65% rule).</summary>
public static class TestEvents
{
    public static readonly DateTimeOffset T0 = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);

    public static AlertEvent Event(
        string fingerprint = "fp-magnets",
        AlertState state = AlertState.Firing,
        string? eventId = null,
        string commodity = "85051110",
        string commodityName = "rare-earth permanent magnets",
        string reporter = "EU27_2020",
        string ruleId = "crma-65",
        string severity = "critical",
        string metric = "cr1",
        double value = 0.912,
        double threshold = 0.65,
        double? previousValue = null,
        Revision? revision = null,
        IReadOnlyList<SupplierShare>? suppliers = null,
        string period = "2024",
        DateTimeOffset? occurredAt = null,
        IndexSelection window = IndexSelection.Published) =>
        new(
            eventId ?? $"{fingerprint}:{(state == AlertState.Firing ? "firing" : "resolved")}:{period}",
            fingerprint,
            ruleId,
            ruleId == "crma-65" ? "Single third country above 65% (CRMA benchmark)" : "Rule " + ruleId,
            severity,
            commodity,
            commodityName,
            reporter,
            TradeFlow.Import,
            period,
            Basis.Weight,
            metric,
            value,
            threshold,
            state,
            suppliers ?? [new("CN", 912_000m, 0.912), new("JP", 50_000m, 0.05), new("US", 38_000m, 0.038)],
            previousValue,
            revision,
            occurredAt ?? T0,
            "run-1",
            window);
}
