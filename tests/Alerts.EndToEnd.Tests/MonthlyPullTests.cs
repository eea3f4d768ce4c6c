using Alerts.Compute.Engine;
using Alerts.Compute.Series;
using Alerts.Compute.Store;
using Alerts.Deliver.Endpoints;
using Alerts.Deliver.History;
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
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Alerts.EndToEnd.Tests;

/// <summary>
/// A monthly Comext pull of the magnets sample (2024-01..2024-06) through the real client: the indices table
/// gets the published months and the rolling 12 months, each rolling row with its months covered and its
/// change against the window a month earlier, and <c>GET /api/indices/850511?window=rolling12</c> returns them.
/// </summary>
[Collection(PipelineCollection.Name)]
public sealed class MonthlyPullTests(MonthlyPipelineStack p) : IClassFixture<MonthlyPipelineStack>
{
    // HHI of the third-country import weights summed per partner over the months `periods` admits, by hand.
    private static double HandHhi(Func<Period, bool> periods)
    {
        var amounts = TradeDataReader.ReadFile(SampleFiles.Get("comext/850511-monthly.json")).Observations
            .Where(o => periods(o.Period) && o.Flow == TradeFlow.Import && o.QuantityKg is > 0 && PartnerScope.Includes(PartnerScopeKind.ThirdCountries, o.Reporter, o.Partner))
            .GroupBy(o => o.Partner)
            .Select(g => g.Sum(o => o.QuantityKg!.Value))
            .ToList();
        var total = amounts.Sum();
        return (double)amounts.Sum(a => (a * 100m / total) * (a * 100m / total));
    }

    [Fact]
    public async Task Pull_MonthlySample_StoresRollingRowsWithChangesAndTheApiFiltersThem()
    {
        var report = await p.Pipeline.Get<PullService>().RunAsync(PullScope.All, force: false, CancellationToken.None);

        Assert.Equal(ProductStatus.Fetched, Assert.Single(report.Products, o => o.Commodity is null).Status);
        var stored = await p.Pipeline.Get<IndicesStore>().ListAsync("EU27_2020", "850511", CancellationToken.None).ToListAsync();
        var rolling = stored.Where(s => s.Indices is { Window: IndexSelection.Rolling12, Basis: Basis.Weight }).Select(s => s.Indices).OrderBy(s => s.Period).ToList();
        Assert.Equal(6, stored.Count(s => s.Indices is { Window: IndexSelection.Published, Basis: Basis.Weight }));
        Assert.Equal([1, 2, 3, 4, 5, 6], rolling.Select(r => r.MonthsCovered!.Value)); // the sample starts in 2024-01: short windows, flagged
        Assert.All(rolling, r => Assert.False(r.IsComplete));
        Assert.Equal(Period.Monthly(2024, 6), rolling[^1].Period);

        // The rolling window to 2024-06 is the first half of 2024 summed per partner; its change is against the window to 2024-05.
        var june = HandHhi(_ => true);
        var may = HandHhi(period => period <= Period.Monthly(2024, 5));
        Assert.Equal(june, rolling[^1].Indices.Hhi, 6);
        var change = rolling[^1].ChangeFromPrevious!.Value;
        Assert.Equal(Period.Monthly(2024, 5), change.Against);
        Assert.Equal(june - may, change.Hhi, 6);
        Assert.Null(rolling[0].ChangeFromPrevious); // nothing before 2024-01
        Assert.All(rolling, r => Assert.Null(r.ChangeFromYearAgo)); // no 2023 in the sample
        Assert.NotEqual(
            stored.Single(s => s.Indices is { Window: IndexSelection.Published, Basis: Basis.Weight } && s.Indices.Period == Period.Monthly(2024, 6)).Indices.Indices.Hhi,
            rolling[^1].Indices.Hhi); // a month alone is not the window

        // Incomplete windows are stored but not evaluated: the rolling rule has no alert yet.
        Assert.DoesNotContain(report.Events, e => e.RuleId == MonthlyPipelineStack.RollingRuleId);

        var request = PipelineStack.Request("GET", "/api/indices/850511", null, null);
        request.QueryString = new QueryString("?window=rolling12");
        var rows = Assert.IsAssignableFrom<IEnumerable<IndexSummary>>(Assert.IsType<OkObjectResult>(
            await p.Function<IndicesFunction>().GetIndices(request, "850511", CancellationToken.None)).Value).ToList();
        var weight = Assert.Single(rows, r => r.Basis == "weight");
        Assert.Equal(("rolling12", "2024-06", 6, false), (weight.Window, weight.Period, weight.MonthsCovered, weight.Complete));
        Assert.Equal(("2024-05", change.Hhi, change.Cr1), (weight.ChangeFromPrevious!.Against, weight.ChangeFromPrevious.Change.Hhi, weight.ChangeFromPrevious.Change.Cr1));
        Assert.Null(weight.ChangeFromYearAgo);
        Assert.All(rows, r => Assert.Equal("rolling12", r.Window));
    }
}
