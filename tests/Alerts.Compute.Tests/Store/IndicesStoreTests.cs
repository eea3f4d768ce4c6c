using Alerts.Compute.Engine;
using Alerts.Compute.Series;
using Alerts.Compute.Store;
using Alerts.Compute.SupplyRisk;
using Alerts.Deliver.Endpoints;
using Alerts.Deliver.History;
using Alerts.Evaluate.Lifecycle;
using Alerts.Evaluate.Rules;
using Alerts.Platform.Storage;
using Alerts.Pull.Snapshots;
using Alerts.Pull.State;
using Alerts.Pull.Statistics;
using Alerts.Route.NotificationLog;
using Alerts.Route.Subscriptions;
using Alerts.TestKit.Storage;
using Azure;
using Azure.Data.Tables;

namespace Alerts.Compute.Tests.Store;

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

    /// <summary>14 months 2023-05..2024-06 of magnets in <paramref name="window"/>, as the pipeline builds them (changes included).</summary>
    private static List<SeriesIndices> Computed(IndexSelection window)
    {
        var observations = new List<TradeObservation>();
        for (var (period, i) = (Period.Monthly(2023, 5), 0); period <= Period.Monthly(2024, 6); period = period.Next(), i++)
        {
            observations.Add(new(Magnets.Reporter, "CN", Magnets.Product, TradeFlow.Import, period, 50 + (3 * i), null, "EUR"));
            observations.Add(new(Magnets.Reporter, i % 5 == 0 ? "US" : "JP", Magnets.Product, TradeFlow.Import, period, 40.25m, null, "EUR"));
        }

        return [.. WindowedIndices.Compute(observations, Basis.Weight, selection: window).Select(w => new SeriesIndices(
            Magnets, Basis.Weight, w.Row.Period, w.Indices, "Rare-earth magnets", w.FromPrevious, w.FromYearAgo, window,
            window == IndexSelection.Rolling12 ? w.Row.MonthsCovered : null))];
    }

    [Fact]
    public async Task UpsertAsync_PublishedAndRollingRowsWithChanges_ReadBackWithWindowAndChanges()
    {
        var store = new IndicesStore(await azurite.CreateAccountAsync());
        var published = Computed(IndexSelection.Published);
        var rolling = Computed(IndexSelection.Rolling12);

        await store.UpsertAsync([.. published, .. rolling], "v1", "run-1", CancellationToken.None);

        var stored = await store.ListAsync(Magnets.Reporter, Magnets.Product, CancellationToken.None).ToListAsync();
        Assert.Equal(published.Count + rolling.Count, stored.Count); // same periods, different windows: no collision
        foreach (var expected in published.Concat(rolling))
        {
            var actual = Assert.Single(stored, s => s.Indices.Window == expected.Window && s.Indices.Period == expected.Period).Indices;
            Assert.Equal(expected.MonthsCovered, actual.MonthsCovered);
            Assert.Equal(expected.ChangeFromPrevious, actual.ChangeFromPrevious); // every delta, the period compared with and the earlier top supplier, exactly
            Assert.Equal(expected.ChangeFromYearAgo, actual.ChangeFromYearAgo);
            Assert.Equal(expected.Indices.Hhi, actual.Indices.Hhi);
        }

        var last = Assert.Single(stored, s => s.Indices.Window == IndexSelection.Rolling12 && s.Indices.Period == Period.Monthly(2024, 6)).Indices;
        Assert.Equal((12, Period.Monthly(2024, 5), Period.Monthly(2023, 6)), (last.MonthsCovered!.Value, last.ChangeFromPrevious!.Value.Against, last.ChangeFromYearAgo!.Value.Against));
        Assert.Null(stored.Single(s => s.Indices.Window == IndexSelection.Published && s.Indices.Period == Period.Monthly(2023, 5)).Indices.ChangeFromPrevious); // the first month has none
    }

    [Fact]
    public async Task UpsertAsync_TopSupplierChanged_IsAColumnForQueries()
    {
        var account = await azurite.CreateAccountAsync();
        var store = new IndicesStore(account);
        var rows = Computed(IndexSelection.Published); // JP second except every fifth month (US); CN always first

        await store.UpsertAsync(rows, "v1", "run-1", CancellationToken.None);

        var table = account.Table(StorageNames.IndicesTable);
        var changed = await table.QueryAsync<TableEntity>("TopSupplierChangedFromPrevious eq false").ToListAsync();
        Assert.Equal(rows.Count - 1, changed.Count); // every month but the first has a previous month, always with CN on top
        var entity = changed.First();
        Assert.Equal(entity.GetString("TopSupplier"), entity.GetString("TopSupplierBeforeFromPrevious"));
        Assert.Equal("published", entity.GetString("Window"));
    }

    [Fact]
    public async Task ListAsync_RowWrittenBeforeWindowsWereStored_ReadsAsPublishedWithoutChanges()
    {
        var account = await azurite.CreateAccountAsync();
        var store = new IndicesStore(account);
        // Exactly the columns and keys the store wrote before windows and changes were stored.
        var old = new TableEntity("EU27_2020|85051110", "import|weight|M|797593")
        {
            ["Reporter"] = "EU27_2020", ["Product"] = "85051110", ["Flow"] = "import", ["Basis"] = "weight", ["Period"] = "2024-06",
            ["CommodityName"] = "Rare-earth magnets", ["Total"] = "100", ["Suppliers"] = 2, ["Hhi"] = 8200d, ["HhiNormalized"] = 0.64,
            ["Cr1"] = 0.9, ["Cr3"] = 1d, ["TopSupplier"] = "CN", ["EquivalentSuppliers"] = 10000 / 8200d, ["Entropy"] = 0.325,
            ["TopSuppliers"] = """[{"partner":"CN","amount":"90","share":0.9},{"partner":"JP","amount":"10","share":0.1}]""",
            ["Vintage"] = "v0", ["RunId"] = "run-0",
        };
        await account.Table(StorageNames.IndicesTable).AddEntityAsync(old);

        var read = Assert.Single(await store.ListAsync("EU27_2020", "85051110", CancellationToken.None).ToListAsync());
        Assert.Equal((IndexSelection.Published, Period.Monthly(2024, 6), 0.9), (read.Indices.Window, read.Indices.Period, read.Indices.Indices.Cr1));
        Assert.Null(read.Indices.ChangeFromPrevious);
        Assert.Null(read.Indices.ChangeFromYearAgo);
        Assert.Null(read.Indices.MonthsCovered);
        Assert.Null(read.Supply);
        Assert.Null(read.Indices.IntraEuTotal);
        Assert.Equal(Period.Monthly(2024, 6), (await store.GetLatestAsync(Magnets, Basis.Weight, annual: false, CancellationToken.None))!.Indices.Period);

        // The same published period written now lands on the old row (same key), not beside it.
        await store.UpsertAsync([Row(Magnets, Basis.Weight, "2024-06", ("CN", 5), ("JP", 5))], "v1", "run-1", CancellationToken.None);
        var replaced = Assert.Single(await store.ListAsync("EU27_2020", "85051110", CancellationToken.None).ToListAsync());
        Assert.Equal(("v1", 0.5), (replaced.Vintage, replaced.Indices.Indices.Cr1));
    }

    [Fact]
    public async Task GetLatest_RollingRowsStored_PublishedQueriesIgnoreThem()
    {
        var store = new IndicesStore(await azurite.CreateAccountAsync());
        var rolling = Row(Magnets, Basis.Weight, "2024-07", ("CN", 1)) with { Window = IndexSelection.Rolling12, MonthsCovered = 12 };
        await store.UpsertAsync([Row(Magnets, Basis.Weight, "2024-06", ("CN", 1), ("JP", 1)), rolling], "v1", "run-1", CancellationToken.None);

        Assert.Equal(Period.Monthly(2024, 6), (await store.GetLatestAsync(Magnets, Basis.Weight, annual: false, CancellationToken.None))!.Indices.Period);
        Assert.Null(await store.GetLatestAsync(Magnets, Basis.Weight, annual: true, CancellationToken.None));
    }

    [Theory]
    [InlineData(IndexSelection.Published, new[] { "published 2024-06" })] // only the published periods
    [InlineData(IndexSelection.Rolling12, new[] { "rolling12 2024-07" })] // only the rolling windows
    [InlineData(IndexSelection.Monthly, new string[0])] // not stored
    [InlineData(null, new[] { "published 2024-06", "rolling12 2024-07" })] // every window, each its own latest
    public async Task GetLatestForProductAsync_Window_FiltersToThatWindow(IndexSelection? window, string[] expected)
    {
        var store = new IndicesStore(await azurite.CreateAccountAsync());
        await store.UpsertAsync(
        [
            Row(Magnets, Basis.Weight, "2024-05", ("CN", 1)),
            Row(Magnets, Basis.Weight, "2024-06", ("CN", 1), ("JP", 1)),
            Row(Magnets, Basis.Weight, "2024-06", ("CN", 1)) with { Window = IndexSelection.Rolling12, MonthsCovered = 11 },
            Row(Magnets, Basis.Weight, "2024-07", ("CN", 1)) with { Window = IndexSelection.Rolling12, MonthsCovered = 12 },
        ], "v1", "run-1", CancellationToken.None);

        var latest = await store.GetLatestForProductAsync("85051110", window, CancellationToken.None);

        Assert.Equal(expected, latest.Select(l => $"{l.Indices.Window.ToName()} {l.Indices.Period}"));
    }

    [Fact]
    public async Task UpsertAsync_ChangeNotFinite_StoresNothingAndNamesTheRowAndField()
    {
        var store = new IndicesStore(await azurite.CreateAccountAsync());
        var rows = Computed(IndexSelection.Rolling12);
        var bad = rows[^1] with { ChangeFromYearAgo = rows[^1].ChangeFromYearAgo!.Value with { Cr1 = double.NaN } };

        var e = await Assert.ThrowsAsync<ArgumentException>(() => store.UpsertAsync([.. rows[..^1], bad], "v1", "run-1", CancellationToken.None));

        Assert.Contains("EU27_2020/85051110/import weight rolling12 2024-06: cr1ChangeFromYearAgo is NaN", e.Message, StringComparison.Ordinal);
        Assert.Empty(await store.ListAsync(Magnets.Reporter, Magnets.Product, CancellationToken.None).ToListAsync());
    }

    [Fact]
    public async Task ListAsync_StoredWindowUnknown_ThrowsNamingTheColumn()
    {
        var account = await azurite.CreateAccountAsync();
        var store = new IndicesStore(account);
        await store.UpsertAsync([Row(Magnets, Basis.Weight, "2024-06", ("CN", 1))], "v1", "run-1", CancellationToken.None);
        var table = account.Table(StorageNames.IndicesTable);
        var entity = (await table.QueryAsync<TableEntity>().ToListAsync()).Single();
        entity["Window"] = "weekly";
        await table.UpdateEntityAsync(entity, ETag.All, TableUpdateMode.Replace);

        var e = await Assert.ThrowsAsync<InvalidDataException>(async () => await store.ListAsync(Magnets.Reporter, Magnets.Product, CancellationToken.None).ToListAsync());

        Assert.Contains("column 'Window' is 'weekly', not one of published, monthly, annual, rolling12", e.Message, StringComparison.Ordinal);
    }
    [Fact]
    public async Task UpsertAsync_RowWithCrmaAndSupplyRisk_ReadsBackTheirValues()
    {
        var store = new IndicesStore(await azurite.CreateAccountAsync());
        var crma = new CrmaShareRow("EU27_2020", "85051110", 2024, Basis.Weight, 12_900_000m, 5_500_000m, 1_000_000m, 8_400_000m,
            CrmaProxy.ImportAndConsumptionShare, "import and consumption shares (production 1000000 kg)", true,
            [new CrmaPartnerShare("CN", 5_972_700m, 0.463, 0.711), new CrmaPartnerShare("JP", 1_000_000m, 0.0775, 0.119)]);
        var stages = new[]
        {
            new StageRisk(SupplyStage.Extraction, 0.8, 3000, 2500, 0.9, 0.01, 0.95, ["substitution index"]),
            new StageRisk(SupplyStage.Processing, 1.42, 5200, 4800, 0.98, 0.01, 0.96, []),
        };
        var risk = new SeriesSupplyRisk(new SupplyRiskResult("Rare earths", 2024, stages, SupplyStage.Processing, 1.42, "World Bank WGI", "2024", "PV"), SupplyStage.Extraction);
        var enriched = Row(Magnets, Basis.Weight, "2024", ("CN", 5_972_700m), ("JP", 1_000_000m)) with { Crma = crma, SupplyRisk = risk, IntraEuTotal = 1_234.5m };
        var plain = Row(Magnets, Basis.Value, "2024", ("CN", 1));

        await store.UpsertAsync([enriched, plain], "v1", "run-1", CancellationToken.None);

        var read = await store.ListAsync(Magnets.Reporter, Magnets.Product, CancellationToken.None).ToListAsync();
        var withSupply = Assert.Single(read, r => r.Indices.Basis == Basis.Weight);
        Assert.Equal(new CrmaSummary(0.463, 0.711, "import-and-consumption-share", crma.Note, "CN", true), withSupply.Supply?.Crma);
        // The extraction stage this product feeds, with the material's bottleneck (processing) beside it; indicative
        // because the extraction stage used a default.
        Assert.Equal(new SupplyRiskSummary("Rare earths", 2024, "extraction", 0.8, "processing", 1.42, true, "World Bank WGI", "2024"), withSupply.Supply?.SupplyRisk);
        Assert.Equal(1_234.5m, withSupply.Indices.IntraEuTotal);
        var plainRead = Assert.Single(read, r => r.Indices.Basis == Basis.Value);
        Assert.Null(plainRead.Supply);
        Assert.Null(plainRead.Indices.IntraEuTotal);
    }

    [Fact]
    public async Task ListAsync_StoredSupplyNotJson_ThrowsNamingTheColumn()
    {
        var account = await azurite.CreateAccountAsync();
        var store = new IndicesStore(account);
        await store.UpsertAsync([Row(Magnets, Basis.Weight, "2024", ("CN", 1))], "v1", "run-1", CancellationToken.None);
        var table = account.Table(StorageNames.IndicesTable);
        var entity = (await table.QueryAsync<TableEntity>().ToListAsync()).Single();
        entity["Supply"] = "{\"crma\": 7";
        await table.UpdateEntityAsync(entity, ETag.All, TableUpdateMode.Replace);

        var e = await Assert.ThrowsAsync<InvalidDataException>(async () => await store.ListAsync(Magnets.Reporter, Magnets.Product, CancellationToken.None).ToListAsync());

        Assert.Contains("column 'Supply' is not a JSON supply summary", e.Message, StringComparison.Ordinal);
    }
}
