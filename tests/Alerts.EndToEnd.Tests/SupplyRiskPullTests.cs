using Alerts.Compute.Engine;
using Alerts.Compute.Series;
using Alerts.Compute.Store;
using Alerts.Compute.SupplyRisk;
using Alerts.Deliver.Endpoints;
using Alerts.Deliver.History;
using Alerts.DevStack;
using Alerts.Evaluate.Lifecycle;
using Alerts.Evaluate.Run;
using Alerts.Functions.Compute;
using Alerts.Functions.Pull;
using Alerts.Platform.Storage;
using Alerts.Pull;
using Alerts.Pull.Snapshots;
using Alerts.Pull.Sources;
using Alerts.Pull.State;
using Alerts.Pull.Statistics;
using Alerts.Pull.Statistics.Scope;
using Alerts.Route.NotificationLog;
using Alerts.Route.Subscriptions;
using Alerts.TestKit.Pipeline;
using Alerts.TestKit.Samples;
using Microsoft.AspNetCore.Mvc;

namespace Alerts.EndToEnd.Tests;

/// <summary>
/// The timer pull with <c>SupplyRisk__*</c> settings on the local stack: the annual import rows carry the CRMA shares and
/// the linked stage's supply risk, and rules on <c>crmaImportShare</c> and <c>supplyRisk</c> fire through the real
/// pipeline; the replayed Comext answers have no export figures, so the consumption proxy stays unavailable (NaN).
/// </summary>
[Collection(PipelineCollection.Name)]
public sealed class SupplyRiskPullTests(SupplyRiskPipelineStack p) : IClassFixture<SupplyRiskPipelineStack>
{
    [Fact]
    public async Task Pull_SupplyRiskSettings_RowsCarryCrmaAndSupplyRiskAndRulesOnThemFire()
    {
        var report = await p.Pipeline.Get<PullService>().RunAsync(PullScope.All, force: false, CancellationToken.None);

        // Exports were asked for (the replayed answers hold imports only).
        var comext = p.Stack.Replay.Exchanges.Snapshot().Where(e => e.Request.Source == LocalStackSettings.ComextSource).ToList();
        Assert.NotEmpty(comext);
        Assert.All(comext, c => Assert.Contains("2", c.Request.Query["flow"]));

        var magnets = report.Indices.Single(i => i.Series.Product == "850511" && i.Basis == Basis.Weight && i.Period == Period.Annual(2024));
        Assert.Equal(magnets.Indices.Cr1, magnets.Crma!.TopImportShare, 12);
        Assert.Equal(CrmaProxy.ImportShareOnly, magnets.Crma.Available);
        Assert.Contains("no export figures", magnets.Crma.Note, StringComparison.Ordinal);
        var risk = magnets.SupplyRisk!;
        Assert.Equal((SupplyStage.Processing, "rare-earth magnets"), (risk.Stage, risk.Result.Material));
        Assert.True(risk.Result.IsIndicative); // shipped WGI table, no EoL-RIR, SI or t_c

        var import = Assert.Single(report.Events, e => e.RuleId == "crma-import" && e.Commodity == "850511" && e.Basis == Basis.Weight);
        Assert.Equal((AlertState.Firing, "2024", magnets.Indices.Cr1), (import.State, import.Period, import.Value));
        var supply = Assert.Single(report.Events, e => e.RuleId == "supply-risk" && e.Commodity == "850511");
        Assert.Equal(risk.Risk.SupplyRisk, supply.Value, 12);
        Assert.True(supply.Value >= 1);
        Assert.DoesNotContain(report.Events, e => e.RuleId == "crma-consumption"); // NaN: neither fires nor clears
        Assert.DoesNotContain(report.Indices, i => !i.Period.IsAnnual && i.Crma is not null);

        // Stored with the row and served by GET /api/indices/{product}.
        var served = await new IndicesFunction(p.Pipeline.Get<IndicesStore>())
            .GetIndices(PipelineStack.Request("GET", "/api/indices/850511", null, null), "850511", CancellationToken.None);
        var row = Assert.IsAssignableFrom<IEnumerable<IndexSummary>>(Assert.IsType<OkObjectResult>(served).Value)
            .Single(r => r is { Basis: "weight", Flow: "import", Period: "2024" });
        Assert.Equal((magnets.Crma.TopImportShare, null, "import-share-only"), (row.Crma!.ImportShare, row.Crma.ConsumptionShare, row.Crma.Proxy));
        Assert.Equal(("processing", risk.Risk.SupplyRisk, true), (row.SupplyRisk!.Stage, row.SupplyRisk.Value, row.SupplyRisk.Indicative));

        // The member states (AT, DE, NL in the sample) are left out of the indices and reported beside them.
        var sample = TradeDataReader.ReadFile(SampleFiles.Get("comext/850511.json")).Observations;
        var intraEu = sample.Where(o => o.Period == Period.Annual(2024) && o.Flow == TradeFlow.Import && PartnerScope.EuMemberStates.Contains(o.Partner)).Sum(o => o.QuantityKg ?? 0);
        Assert.True(intraEu > 0);
        Assert.Equal(intraEu, row.IntraEuTotal);
    }
}
