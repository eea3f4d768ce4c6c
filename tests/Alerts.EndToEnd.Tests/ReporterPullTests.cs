using Alerts.Compute.Engine;
using Alerts.Compute.Store;
using Alerts.Evaluate.Rules;
using Alerts.Evaluate.Run;
using Alerts.Pull;
using Alerts.Pull.Statistics;
using Alerts.TestKit.Pipeline;

namespace Alerts.EndToEnd.Tests;

/// <summary>
/// <c>Pull__Reporters</c>: the EU and Germany pulled side by side from the replay stack, each its own series, indices
/// and alerts; Germany's figures worked by hand from <c>samples/replay/comext/reporters/DE/850511.json</c>.
/// </summary>
[Collection(PipelineCollection.Name)]
public sealed class ReporterPullTests(ReportersPipelineStack p) : IClassFixture<ReportersPipelineStack>
{
    [Fact]
    public async Task Pull_EuAndGermany_IndicesAndAlertsPerReporter()
    {
        var report = await p.Pipeline.Get<PullService>().RunAsync(PullScope.All, force: false, CancellationToken.None);

        Assert.All(report.Products, o => Assert.Equal(ProductStatus.Fetched, o.Status));
        // Germany's 2024 magnet imports from third countries, in 100 kg: CN 39 160, JP 4 400, PH 990, VN 825, CH 770,
        // US 550, KR 220 = 46 915 (intra-EU NL, FR, AT left out). CR1 = 39 160 / 46 915 = 83.47%; HHI = sum of squared
        // percentage shares = 83.47^2 + 9.38^2 + 2.11^2 + 1.76^2 + 1.64^2 + 1.17^2 + 0.47^2 = 7 067.05.
        var germany = Single(report, "DE");
        Assert.Equal(4_691_500m, germany.Indices.Total);
        Assert.Equal(("CN", 7), (germany.Indices.TopSupplier, germany.Indices.Suppliers));
        Assert.Equal(39_160.0 / 46_915, germany.Indices.Cr1, 9);
        Assert.Equal(7067.05, germany.Indices.Hhi, 2);
        var eu = Single(report, "EU27_2020");
        Assert.NotEqual(eu.Indices.Total, germany.Indices.Total);

        // The CRMA rule fires once per reporter, under two fingerprints.
        var fired = report.Events.Where(e => e.Commodity == "850511" && e.RuleId == DefaultRules.CrmaSingleCountryId && e.Basis == Basis.Weight).ToList();
        Assert.Equal(["DE", "EU27_2020"], fired.Select(e => e.Reporter).Order(StringComparer.Ordinal));
        Assert.Equal(2, fired.Select(e => e.Fingerprint).Distinct().Count());

        // Both reporters' rows are stored, each under its own partition.
        var stored = await p.Pipeline.Get<IndicesStore>().GetLatestForProductAsync("850511", CancellationToken.None);
        Assert.Equal(["DE", "EU27_2020"], stored.Select(r => r.Indices.Series.Reporter).Distinct().Order(StringComparer.Ordinal));
    }

    private static Compute.Series.SeriesIndices Single(PullReport report, string reporter) => report.Indices.Single(i =>
        i.Series == new SeriesKey(reporter, "850511", TradeFlow.Import) && i.Basis == Basis.Weight && i.Window == IndexSelection.Published && i.Period == Period.Annual(2024));
}
