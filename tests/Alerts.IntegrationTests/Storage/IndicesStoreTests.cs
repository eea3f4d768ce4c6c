using Alerts.Core.Concentration;
using Alerts.Core.Rules;
using Alerts.Core.Statistics;
using Alerts.Pipeline.Storage;
using Azure;

namespace Alerts.IntegrationTests.Storage;

[Collection(AzuriteCollection.Name)]
public sealed class IndicesStoreTests(AzuriteFixture azurite)
{
    private static readonly SeriesKey Magnets = new("EU27_2020", "85051110", TradeFlow.Import);

    private static SeriesIndices Row(SeriesKey series, Basis basis, string period, params (string Partner, decimal Amount)[] amounts) =>
        new(series, basis, Period.Parse(period), ConcentrationCalculator.Compute(amounts.Select(a => new SupplierAmount(a.Partner, a.Amount))), "Rare-earth magnets");

    [Fact]
    public async Task UpsertAsync_ThenGetLatest_ReturnsTheNewestPeriodWithEveryIndex()
    {
        var store = new IndicesStore(await azurite.CreateAccountAsync());
        var rows = new[]
        {
            Row(Magnets, Basis.Weight, "2024-02", ("CN", 900.5m), ("JP", 99.5m)),
            Row(Magnets, Basis.Weight, "2024-12", ("CN", 800), ("JP", 150), ("US", 50)),
            Row(Magnets, Basis.Weight, "2023-07", ("CN", 1)),
            Row(Magnets, Basis.Value, "2025-01", ("CN", 1)), // other basis: not the weight series' latest
            Row(Magnets, Basis.Weight, "2025", ("CN", 1)), // annual: its own frequency
        };

        await store.UpsertAsync(rows, "2026-11-15", "run-1", CancellationToken.None);
        var latest = await store.GetLatestAsync(Magnets, Basis.Weight, annual: false, CancellationToken.None);

        Assert.NotNull(latest);
        Assert.Equal(Period.Monthly(2024, 12), latest.Indices.Period);
        Assert.Equal(("2026-11-15", "run-1"), (latest.Vintage, latest.RunId));
        var expected = rows[1].Indices;
        var actual = latest.Indices.Indices;
        Assert.Equal(expected.Total, actual.Total);
        Assert.Equal((expected.Suppliers, expected.Hhi, expected.HhiNormalized, expected.Cr1, expected.Cr3), (actual.Suppliers, actual.Hhi, actual.HhiNormalized, actual.Cr1, actual.Cr3));
        Assert.Equal((expected.TopSupplier, expected.EquivalentSuppliers, expected.Entropy), (actual.TopSupplier, actual.EquivalentSuppliers, actual.Entropy));
        Assert.Equal(expected.TopSuppliers, actual.TopSuppliers);
        Assert.Equal("Rare-earth magnets", latest.Indices.CommodityName);
        Assert.Equal(Period.Annual(2025), (await store.GetLatestAsync(Magnets, Basis.Weight, annual: true, CancellationToken.None))!.Indices.Period);
        Assert.Null(await store.GetLatestAsync(Magnets with { Flow = TradeFlow.Export }, Basis.Weight, annual: false, CancellationToken.None));
    }

    [Fact]
    public async Task UpsertAsync_SamePeriodAgain_ReplacesTheRow()
    {
        var store = new IndicesStore(await azurite.CreateAccountAsync());
        await store.UpsertAsync([Row(Magnets, Basis.Weight, "2024-02", ("CN", 9), ("JP", 1))], "v1", "run-1", CancellationToken.None);

        await store.UpsertAsync([Row(Magnets, Basis.Weight, "2024-02", ("CN", 5), ("JP", 5))], "v2", "run-2", CancellationToken.None);

        var all = await store.ListAsync(Magnets.Reporter, Magnets.Product, CancellationToken.None).ToListAsync();
        var row = Assert.Single(all);
        Assert.Equal(0.5, row.Indices.Indices.Cr1, 10);
        Assert.Equal("v2", row.Vintage);
    }

    [Fact]
    public async Task UpsertAsync_OneRowNotFinite_StoresNothing()
    {
        var store = new IndicesStore(await azurite.CreateAccountAsync());
        var good = Row(Magnets, Basis.Weight, "2024-01", ("CN", 9), ("JP", 1));
        var bad = Row(Magnets, Basis.Weight, "2024-02", ("CN", 9)) is var b ? b with { Indices = b.Indices with { Hhi = double.NaN } } : null!;

        var e = await Assert.ThrowsAsync<ArgumentException>(() => store.UpsertAsync([good, bad], "v1", "run-1", CancellationToken.None));

        Assert.Contains("EU27_2020/85051110/import weight 2024-02: hhi is NaN", e.Message, StringComparison.Ordinal);
        Assert.Empty(await store.ListAsync(Magnets.Reporter, Magnets.Product, CancellationToken.None).ToListAsync());
    }

    [Fact]
    public async Task UpsertAsync_ManyRowsInOnePartition_WritesAllInBatches()
    {
        var store = new IndicesStore(await azurite.CreateAccountAsync());
        var period = Period.Monthly(2010, 1);
        var rows = new List<SeriesIndices>();
        for (var i = 0; i < 250; i++, period = period.Next())
        {
            rows.Add(Row(Magnets, Basis.Weight, period.ToString(), ("CN", 50 + (i % 40)), ("JP", 10)));
        }

        await store.UpsertAsync(rows, "v1", "run-1", CancellationToken.None);

        var stored = await store.ListAsync(Magnets.Reporter, Magnets.Product, CancellationToken.None).ToListAsync();
        Assert.Equal(250, stored.Count);
        Assert.Equal(rows[^1].Period, stored[0].Indices.Period); // newest first
    }

    [Fact]
    public async Task GetLatestForProductAsync_SeveralReporters_ReturnsEachSeriesLatest()
    {
        var store = new IndicesStore(await azurite.CreateAccountAsync());
        var germany = Magnets with { Reporter = "DE" };
        await store.UpsertAsync(
        [
            Row(Magnets, Basis.Weight, "2024-01", ("CN", 1)),
            Row(Magnets, Basis.Weight, "2024-03", ("CN", 1), ("JP", 1)),
            Row(germany, Basis.Weight, "2024-02", ("CN", 1)),
            Row(Magnets with { Product = "280530" }, Basis.Weight, "2024-05", ("CN", 1)), // other product
        ], "v1", "run-1", CancellationToken.None);

        var latest = await store.GetLatestForProductAsync("85051110", CancellationToken.None);

        Assert.Equal([("DE", "2024-02"), ("EU27_2020", "2024-03")], latest.Select(l => (l.Indices.Series.Reporter, l.Indices.Period.ToString())));
    }
}
