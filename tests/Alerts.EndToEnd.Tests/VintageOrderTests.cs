using Alerts.Compute;
using Alerts.Compute.Engine;
using Alerts.Compute.Series;
using Alerts.Compute.Store;
using Alerts.Evaluate.Breaches;
using Alerts.Evaluate.Lifecycle;
using Alerts.Evaluate.Rules;
using Alerts.Evaluate.Run;
using Alerts.Pull;
using Alerts.Pull.Statistics;
using Alerts.TestKit.Pipeline;

namespace Alerts.EndToEnd.Tests;

/// <summary>
/// Two pulls that fetched different vintages (the timer and a recalculation racing): the older one, processed last,
/// must not flip the alert back. On the local stack (Azurite, loopback Service Bus).
/// </summary>
[Collection(PipelineCollection.Name)]
public sealed class VintageOrderTests(MonthlyPipelineStack p) : IClassFixture<MonthlyPipelineStack>
{
    private const string Newer = "2025-02-10T09:00:00+0100";
    private const string Older = "2025-01-10T09:00:00+0100";
    private const string Newest = "2025-03-10T09:00:00+0100";

    /// <summary>24 months of China at <paramref name="china"/>% and Japan the rest, 2024-12 at <paramref name="lastMonth"/>%.</summary>
    private static List<TradeObservation> Months(SeriesKey series, decimal china, decimal lastMonth)
    {
        var observations = new List<TradeObservation>();
        for (var m = 1; m <= 24; m++)
        {
            var share = m == 24 ? lastMonth : china;
            var period = Period.Monthly(2022 + ((m + 11) / 12), ((m - 1) % 12) + 1);
            observations.Add(new(series.Reporter, "CN", series.Product, series.Flow, period, share * 1000, share * 10, "EUR"));
            observations.Add(new(series.Reporter, "JP", series.Product, series.Flow, period, (100 - share) * 1000, (100 - share) * 10, "EUR"));
        }

        return observations;
    }

    private Task<SeriesResult> ProcessAsync(SeriesKey series, List<TradeObservation> observations, string vintage, bool force = false) =>
        p.Pipeline.Get<SeriesProcessor>().ProcessAsync("test", series, observations, vintage, "run-" + vintage, force, CancellationToken.None);

    [Fact]
    public async Task ProcessAsync_OlderVintageAfterANewerOne_NotEvaluatedAndTheAlertStaysFiring()
    {
        var series = new SeriesKey("EU27_2020", "990071", TradeFlow.Import);
        var fingerprint = AlertFingerprint.Compute(DefaultRules.CrmaSingleCountryId, series, Basis.Weight);

        // The newer vintage revised 2024-12 to 95% China: the CRMA rule fires.
        var newer = await ProcessAsync(series, Months(series, 50, 95), Newer);
        Assert.Contains(newer.Events, e => e is { RuleId: DefaultRules.CrmaSingleCountryId, State: AlertState.Firing });

        // The older vintage (50%) arrives last, even forced as a recalculation: not evaluated, no event, still firing.
        foreach (var force in new[] { false, true })
        {
            var older = await ProcessAsync(series, Months(series, 50, 50), Older, force);
            Assert.Equal(ProductStatus.Unchanged, older.Outcome.Status);
            Assert.Empty(older.Events);
        }

        var alert = await p.Pipeline.Get<AlertStore>().GetAsync(series, fingerprint, CancellationToken.None);
        Assert.Equal(AlertStatus.Firing, alert!.Value.State);

        // A vintage newer than the processed one is evaluated as always: the revision back to 50% resolves it.
        var newest = await ProcessAsync(series, Months(series, 50, 50), Newest);
        Assert.Equal(ProductStatus.Fetched, newest.Outcome.Status);
        Assert.Contains(newest.Events, e => e is { RuleId: DefaultRules.CrmaSingleCountryId, State: AlertState.Resolved });
    }
}
