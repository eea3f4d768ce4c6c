using Alerts.Compute.Engine;
using Alerts.Pull.Statistics;

namespace Alerts.Compute.Tests.Engine;

public sealed partial class IndexEngineTests
{
    private const string Eu = "EU27_2020";
    private const string Ree = "280530";

    // Published 2022 (samples/README.md): 18 000 t; China 40%, Malaysia 31%, Russia 25%, USA 2%, Japan 2%.
    private static readonly (string Partner, decimal Kg)[] Golden2022 =
        [("CN", 7_200_000m), ("MY", 5_580_000m), ("RU", 4_500_000m), ("US", 360_000m), ("JP", 360_000m)];

    // Published 2024 (samples/README.md): 12 900 t; China 46.3%, Russia 28.4%, Malaysia 19.9%, the remaining 5.4% spread over small suppliers.
    private static readonly (string Partner, decimal Kg)[] Golden2024 =
    [
        ("CN", 5_972_700m), ("RU", 3_663_600m), ("MY", 2_567_100m),
        ("US", 258_000m), ("JP", 193_500m), ("VN", 129_000m), ("TH", 64_500m), ("IN", 51_600m),
    ];

    [Fact]
    public void Recompute_Golden2022AnnualData_MatchesPublishedFigures()
    {
        var rows = IndexEngine.Compute(Golden2022.Select(g => Obs(g.Partner, Period.Annual(2022), g.Kg)));

        var r = Single(rows, IndexWindow.Annual, Basis.Weight, Period.Annual(2022));
        Assert.Equal(3194, r.Hhi, 9);
        Assert.Equal(0.3194, r.HhiFraction, 12);
        Assert.Equal(0.149, r.HhiNormalized, 3);
        Assert.Equal(3.13, r.EquivalentSuppliers, 2);
        Assert.Equal(1.2326, r.Entropy, 4);
        Assert.Equal(0.40, r.Cr1, 12);
        Assert.Equal(0.96, r.Cr3, 12);
        Assert.Equal("CN", r.TopSupplier);
        Assert.Equal(5, r.Suppliers);
        Assert.Equal(18_000_000m, r.Total);
        Assert.True(r.FromAnnualData);
        Assert.True(r.IsComplete);
    }

    [Fact]
    public void Recompute_Golden2024AnnualData_HhiWithinPublishedBounds()
    {
        var rows = IndexEngine.Compute(Golden2024.Select(g => Obs(g.Partner, Period.Annual(2024), g.Kg)));

        var r = Single(rows, IndexWindow.Annual, Basis.Weight, Period.Annual(2024));
        Assert.InRange(r.Hhi, 3346.3, 3375.4);
        Assert.Equal(0.946, r.Cr3, 12);
        Assert.Equal(0.463, r.Cr1, 12);
        Assert.Equal("CN", r.TopSupplier);
        Assert.True(r.Cr1 < 0.65);
    }

    [Fact]
    public void Recompute_Golden2024FromTwelveMonths_AnnualAndRollingEqualAnnualData()
    {
        // Each partner's year split unevenly over the months (month m gets m/78 of it).
        var monthly = Golden2024.SelectMany(g => Enumerable.Range(1, 12).Select(m => Obs(g.Partner, Period.Monthly(2024, m), g.Kg * m / 78m)));
        var fromMonths = IndexEngine.Compute(monthly);
        var fromYear = IndexEngine.Compute(Golden2024.Select(g => Obs(g.Partner, Period.Annual(2024), g.Kg)));

        var annual = Single(fromMonths, IndexWindow.Annual, Basis.Weight, Period.Annual(2024));
        var rolling = Single(fromMonths, IndexWindow.Rolling12, Basis.Weight, Period.Monthly(2024, 12));
        var expected = Single(fromYear, IndexWindow.Annual, Basis.Weight, Period.Annual(2024));
        Assert.False(annual.FromAnnualData);
        Assert.Equal(12, annual.MonthsCovered);
        Assert.Equal(expected.Hhi, annual.Hhi, 9);
        Assert.Equal(expected.Hhi, rolling.Hhi, 9);
        Assert.Equal(expected.Cr3, rolling.Cr3, 12);
        Assert.Equal(expected.Total, rolling.Total);
    }

    [Theory]
    [InlineData("eu-ree-imports-2022.csv", 2022, 3194.0, 3194.0, 0.96)] // published 2022
    [InlineData("eu-ree-imports-2024.csv", 2024, 3346.3, 3375.4, 0.946)] // published 2024
    public void Recompute_GoldenSampleFiles_MatchPublishedFigures(string file, int year, double hhiLow, double hhiHigh, double cr3)
    {
        // A naive reader (aggregate partners dropped) so the samples shipped for `alerts indices` are checked here too.
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(dir!.FullName, "Alerts.sln")))
        {
            dir = dir.Parent;
        }

        var rows = File.ReadAllLines(Path.Combine(dir.FullName, "samples", "golden", file)).Skip(1)
            .Select(l => l.Split(','))
            .Where(c => c[7] == "QUANTITY_IN_100KG" && c[4] is not ("WORLD" or "EXT_EU27_2020"))
            .Select(c => Obs(c[4], Period.Parse(c[8]), decimal.Parse(c[9], System.Globalization.CultureInfo.InvariantCulture) * 100));

        var r = Single(IndexEngine.Compute(rows), IndexWindow.Annual, Basis.Weight, Period.Annual(year));
        Assert.InRange(r.Hhi, hhiLow - 0.5, hhiHigh + 0.5);
        Assert.Equal(cr3, r.Cr3, 12);
        Assert.Equal("CN", r.TopSupplier);
    }

    [Fact]
    public void Recompute_AnnualDataAndMonths_AnnualDataWins()
    {
        var rows = IndexEngine.Compute(
        [
            Obs("CN", Period.Annual(2023), 90), Obs("RU", Period.Annual(2023), 10),
            Obs("CN", Period.Monthly(2023, 1), 50), Obs("RU", Period.Monthly(2023, 1), 50),
        ]);

        var annual = Single(rows, IndexWindow.Annual, Basis.Weight, Period.Annual(2023));
        Assert.True(annual.FromAnnualData);
        Assert.Equal(8200, annual.Hhi, 9);
        Assert.Equal(5000, Single(rows, IndexWindow.Monthly, Basis.Weight, Period.Monthly(2023, 1)).Hhi, 9);
    }

    [Fact]
    public void Recompute_MissingMonthsInWindow_ComputedOverAvailableMonthsAndFlaggedIncomplete()
    {
        // Months 1..12 of 2023 except June.
        var obs = Enumerable.Range(1, 12).Where(m => m != 6).SelectMany(m => new[] { Obs("CN", Period.Monthly(2023, m), 3), Obs("RU", Period.Monthly(2023, m), 1) });
        var rows = IndexEngine.Compute(obs);

        var dec = Single(rows, IndexWindow.Rolling12, Basis.Weight, Period.Monthly(2023, 12));
        Assert.Equal(11, dec.MonthsCovered);
        Assert.False(dec.IsComplete);
        Assert.Equal(44m, dec.Total);
        Assert.Equal(6250, dec.Hhi, 9);
        var mar = Single(rows, IndexWindow.Rolling12, Basis.Weight, Period.Monthly(2023, 3));
        Assert.Equal(3, mar.MonthsCovered); // the first months of a series are incomplete windows too
        var june = Single(rows, IndexWindow.Rolling12, Basis.Weight, Period.Monthly(2023, 6));
        Assert.Equal(5, june.MonthsCovered); // a month without data still ends a window over the months before it
        Assert.DoesNotContain(rows, r => r.Window == IndexWindow.Monthly && r.Period == Period.Monthly(2023, 6));
        Assert.Equal(11, Single(rows, IndexWindow.Annual, Basis.Weight, Period.Annual(2023)).MonthsCovered);
    }

    [Fact]
    public void Recompute_TwoYears_ChangesAgainstPreviousMonthAndYearAgo()
    {
        // China's amount grows by one each month against Russia's constant 10.
        var obs = new List<TradeObservation>();
        for (var i = 0; i < 24; i++)
        {
            var p = Period.Monthly(2023 + (i / 12), (i % 12) + 1);
            obs.Add(Obs("CN", p, 10 + i));
            obs.Add(Obs("RU", p, 10));
        }

        var rows = IndexEngine.Compute(obs);
        var monthly = rows.Where(r => r.Window == IndexWindow.Monthly && r.Basis == Basis.Weight).ToDictionary(r => r.Period);

        var first = monthly[Period.Monthly(2023, 1)];
        Assert.Null(first.ChangeFromPrevious); // no earlier row
        Assert.Null(first.ChangeFromYearAgo);
        var now = monthly[Period.Monthly(2024, 3)];
        var prev = now.ChangeFromPrevious!.Value;
        Assert.Equal(Period.Monthly(2024, 2), prev.Against);
        Assert.Equal(now.Hhi - monthly[Period.Monthly(2024, 2)].Hhi, prev.Hhi, 12);
        Assert.Equal(1m, prev.Total);
        var yearAgo = now.ChangeFromYearAgo!.Value;
        Assert.Equal(Period.Monthly(2023, 3), yearAgo.Against);
        Assert.Equal(now.Cr1 - monthly[Period.Monthly(2023, 3)].Cr1, yearAgo.Cr1, 12);
        Assert.Equal("CN", yearAgo.TopSupplierBefore);
        Assert.Equal(12m / 22m, (decimal)yearAgo.TotalRelative!.Value, 12);

        var annual = Single(rows, IndexWindow.Annual, Basis.Weight, Period.Annual(2024));
        Assert.Equal(Period.Annual(2023), annual.ChangeFromPrevious!.Value.Against);
        Assert.Equal(annual.ChangeFromPrevious, annual.ChangeFromYearAgo); // for a year the previous period is the year before
    }

    [Fact]
    public void Recompute_UnreportedAndZeroAmounts_AreNotSuppliers()
    {
        var rows = IndexEngine.Compute(
        [
            Obs("CN", Period.Monthly(2024, 1), 30, 300),
            Obs("RU", Period.Monthly(2024, 1), null, 100), // confidential weight
            Obs("MY", Period.Monthly(2024, 1), 0, 0), // reported zero
        ]);

        var weight = Single(rows, IndexWindow.Monthly, Basis.Weight, Period.Monthly(2024, 1));
        Assert.Equal(1, weight.Suppliers);
        Assert.Equal(1, weight.UnreportedPartners);
        Assert.Equal(10000, weight.Hhi, 9);
        Assert.Equal(1, weight.HhiNormalized);
        var value = Single(rows, IndexWindow.Monthly, Basis.Value, Period.Monthly(2024, 1));
        Assert.Equal(2, value.Suppliers);
        Assert.Equal(6250, value.Hhi, 9);
    }

    [Fact]
    public void Recompute_OnlyUnreportedAmounts_RowWithNoSuppliers()
    {
        var rows = IndexEngine.Compute([Obs("CN", Period.Monthly(2024, 1), null, null)]);

        var r = Single(rows, IndexWindow.Monthly, Basis.Weight, Period.Monthly(2024, 1));
        Assert.Equal(0, r.Suppliers);
        Assert.Equal(0, r.Hhi);
        Assert.Equal(0, r.ExpEntropy);
        Assert.Null(r.TopSupplier);
        Assert.Equal(0m, r.Total);
    }

    [Fact]
    public void Add_NegativeAmount_RejectedNamingTheObservation()
    {
        var engine = new IndexEngine();
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => engine.Add([Obs("CN", Period.Monthly(2024, 1), 5), Obs("RU", Period.Monthly(2024, 2), -5)]));
        Assert.Contains("RU", e.Message, StringComparison.Ordinal);
        Assert.Contains("2024-02", e.Message, StringComparison.Ordinal);
        Assert.Empty(engine.Recompute()); // nothing half-loaded
    }

    [Fact]
    public void Recompute_AfterMoreAdded_EveryRowAsIfAddedAtOnce()
    {
        var history = MonthlyHistory(2020, 36);
        var engine = new IndexEngine();
        engine.Add(history);
        var before = engine.Recompute();
        var next = new[] { Obs("CN", Period.Monthly(2023, 1), 77, 770), Obs("AU", Period.Monthly(2023, 1), 5, 50) };

        engine.Add(next);
        var after = engine.Recompute();

        // Per basis one more monthly row, one more rolling window and year 2023 from its month.
        Assert.Equal(before.Count + 6, after.Count);
        Assert.Equal(IndexEngine.Compute(history.Concat(next)), after);
    }

    [Fact]
    public void Recompute_Changes_AgainstTheMonthBeforeAndTheMonthAYearBefore()
    {
        var history = MonthlyHistory(2020, 36);
        history.RemoveAll(o => o.Period == Period.Monthly(2021, 6));
        history.Add(Obs("RU", Period.Monthly(2021, 6), 500)); // June 2021 only Russia
        var rows = IndexEngine.Compute(history, new IndexEngineOptions { Bases = [Basis.Weight] });

        var june2021 = Single(rows, IndexWindow.Monthly, Basis.Weight, Period.Monthly(2021, 6));
        var june2022 = Single(rows, IndexWindow.Monthly, Basis.Weight, Period.Monthly(2022, 6));
        var july2022 = Single(rows, IndexWindow.Monthly, Basis.Weight, Period.Monthly(2022, 7));
        var may2022Rolling = Single(rows, IndexWindow.Rolling12, Basis.Weight, Period.Monthly(2022, 5));

        Assert.Equal(10000, june2021.Hhi, 9);
        Assert.Equal(Period.Monthly(2021, 6), june2022.ChangeFromYearAgo!.Value.Against);
        Assert.Equal(june2022.Hhi - june2021.Hhi, june2022.ChangeFromYearAgo!.Value.Hhi, 9);
        Assert.Equal(Period.Monthly(2022, 6), july2022.ChangeFromPrevious!.Value.Against);
        Assert.Equal("RU", june2022.ChangeFromYearAgo!.Value.TopSupplierBefore);
        Assert.Equal(12, may2022Rolling.MonthsCovered); // the window June 2021 - May 2022 holds the one-supplier month
    }

    [Fact]
    public void Recompute_MonthsAddedAfterAnnualOnlyAndAfterGap_MatchesOneShot()
    {
        var annual = new[] { Obs("CN", Period.Annual(2019), 5), Obs("RU", Period.Annual(2019), 5) };
        var first = MonthlyHistory(2020, 3);
        var later = new[] { Obs("CN", Period.Monthly(2020, 9), 4) }; // five months after the last one
        var engine = new IndexEngine();

        engine.Add(annual);
        engine.Recompute();
        engine.Add(first);
        engine.Recompute();
        engine.Add(later);
        var rows = engine.Recompute();

        Assert.Equal(IndexEngine.Compute(annual.Concat(first).Concat(later)), rows);
        Assert.Contains(rows, r => r.Window == IndexWindow.Rolling12 && r.Period == Period.Monthly(2020, 5)); // a window ending in the gap
    }

    [Fact]
    public void Recompute_AnnualData_RowsInPeriodOrderEachAgainstTheYearBefore()
    {
        var engine = new IndexEngine(new IndexEngineOptions { Windows = [IndexWindow.Annual], Bases = [Basis.Weight] });
        engine.Add(Enumerable.Range(2019, 6).SelectMany(y => new[] { Obs("CN", Period.Annual(y), y == 2020 ? 0 : 60 + y - 2019), Obs("RU", Period.Annual(y), 40) }));

        var rows = engine.Recompute();

        Assert.Equal([2019, 2020, 2021, 2022, 2023, 2024], rows.Select(r => r.Period.Year));
        Assert.Null(rows[0].ChangeFromPrevious);
        Assert.All(rows.Skip(1), r => Assert.Equal(Period.Annual(r.Period.Year - 1), r.ChangeFromPrevious!.Value.Against));
        Assert.Equal(10000, rows[1].Hhi, 9); // 2020: Russia alone
        Assert.All(rows, r => Assert.True(r.FromAnnualData));
    }

    [Fact]
    public void Shares_AnnualWindowFromMonths_LargestFirstWithExactAmounts()
    {
        var engine = new IndexEngine();
        engine.Add(MonthlyHistory(2020, 12));
        engine.Recompute();

        var shares = engine.Shares(new SeriesKey(Eu, Ree, TradeFlow.Import), Basis.Weight, IndexWindow.Annual, Period.Annual(2020));

        Assert.Equal(["CN", "MY", "RU"], shares.Select(s => s.Partner));
        Assert.Equal(1.0, shares.Sum(s => s.Share), 12);
        Assert.Equal(Enumerable.Range(0, 12).Sum(i => 60m + i), shares[0].Amount);
        Assert.Empty(engine.Shares(new SeriesKey(Eu, "999999", TradeFlow.Import), Basis.Weight, IndexWindow.Monthly, Period.Monthly(2020, 1)));
    }

    [Fact]
    public void Rows_ValueBasisAndMonthlyOnly_EmitsOnlyThose()
    {
        var rows = IndexEngine.Compute(MonthlyHistory(2020, 3), new IndexEngineOptions { Bases = [Basis.Value], Windows = [IndexWindow.Monthly] });

        Assert.Equal(3, rows.Count);
        Assert.All(rows, r => Assert.Equal((Basis.Value, IndexWindow.Monthly), (r.Basis, r.Window)));
    }

    internal static TradeObservation Obs(string partner, Period period, decimal? kg, decimal? value = null, string product = Ree) =>
        new(Eu, partner, product, TradeFlow.Import, period, kg, value ?? kg * 10, "EUR");

    private static IndexRow Single(IEnumerable<IndexRow> rows, IndexWindow window, Basis basis, Period period) =>
        Assert.Single(rows, r => r.Window == window && r.Basis == basis && r.Period == period);

    // Three suppliers whose amounts drift month by month.
    private static List<TradeObservation> MonthlyHistory(int fromYear, int months, string product = Ree)
    {
        var obs = new List<TradeObservation>();
        for (var i = 0; i < months; i++)
        {
            var p = Period.Monthly(fromYear + (i / 12), (i % 12) + 1);
            obs.Add(Obs("CN", p, 60 + i, product: product));
            obs.Add(Obs("MY", p, 30 + (i % 5), product: product));
            obs.Add(Obs("RU", p, 20 - (i % 7), product: product));
        }

        return obs;
    }
}
