using System.Diagnostics;
using Alerts.Evaluate.Run;
using Alerts.Platform.Storage;
using Alerts.Pull;
using Alerts.Pull.Catalog;
using Alerts.TestKit.Pipeline;
using Azure.Data.Tables;
using Xunit.Abstractions;

namespace Alerts.EndToEnd.Tests;

/// <summary>
/// The default scope on the replay stack: every catalog code pulled, the commodity series of the stages with two or
/// more codes computed, every one of the 17 materials stored; the pull time and the stored rows are written to the
/// test output (the figures of the README's Commodities section).
/// </summary>
[Collection(PipelineCollection.Name)]
public sealed class DefaultScopePullTests(DefaultScopePipelineStack p, ITestOutputHelper output) : IClassFixture<DefaultScopePipelineStack>
{
    [Fact]
    public async Task Pull_DefaultScope_EveryCodeFetchedEveryMaterialStored()
    {
        var watch = Stopwatch.StartNew();
        var report = await p.Pipeline.Get<PullService>().RunAsync(PullScope.All, force: false, CancellationToken.None);
        watch.Stop();

        var products = report.Products.Where(o => o.Commodity is null).ToList();
        Assert.Equal(PullOptions.DefaultProducts.Order(StringComparer.Ordinal), products.Select(o => o.Product).Order(StringComparer.Ordinal));
        Assert.All(report.Products, o => Assert.Equal(ProductStatus.Fetched, o.Status));
        var catalog = p.Pipeline.Get<CommodityCatalog>();
        var series = report.Products.Where(o => o.Commodity is not null).Select(o => o.Product).ToList();
        Assert.Equal(
            catalog.Commodities.SelectMany(c => Enum.GetValues<ProcessingStage>().Where(s => c.CodesFor(s).Count > 1).Select(c.SeriesProduct)).Order(StringComparer.Ordinal),
            series.Order(StringComparer.Ordinal));

        var rows = 0;
        var stored = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var row in p.Pipeline.Get<StorageAccount>().Table(StorageNames.IndicesTable).QueryAsync<TableEntity>(select: ["PartitionKey"]))
        {
            rows++;
            stored.Add(row.PartitionKey.Split('|', 2)[1]);
        }

        // Every material has rows: its codes, and its summed series where it has one.
        Assert.All(catalog.Commodities, c => Assert.Contains(stored, s => Enum.GetValues<ProcessingStage>().Any(st => c.CodesFor(st).Contains(s) || c.SeriesProduct(st) == s)));
        Assert.Equal(report.Products.Sum(o => o.IndicesWritten), rows);
        output.WriteLine($"default scope: {products.Count} products + {series.Count} commodity series, pull {watch.Elapsed.TotalSeconds:F1} s, {rows} rows in indices, {report.Events.Count} alert events");
    }
}
