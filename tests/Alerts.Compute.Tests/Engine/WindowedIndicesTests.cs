using Alerts.Compute.Engine;
using Alerts.Pull.Statistics;
using Alerts.Pull.Statistics.Scope;

namespace Alerts.Compute.Tests.Engine;

public sealed class WindowedIndicesTests
{
    private static TradeObservation Obs(string partner, string period, decimal? kg, decimal? value = null, string product = "850511", string currency = "EUR") =>
        new("EU27_2020", partner, product, TradeFlow.Import, Period.Parse(period), kg, value, currency);

    // Annual 2022 and 2023, months of 2024, an EU member and an aggregate (out of scope), a confidential figure,
    // a second product and a second currency.
    private static readonly TradeObservation[] Mixed =
    [
        Obs("CN", "2022", 60, 600), Obs("JP", "2022", 40, 400), Obs("DE", "2022", 500, 5000), Obs("WORLD", "2022", 1000, 1000),
        Obs("CN", "2023", 80, null), Obs("JP", "2023", 20, 100), Obs("US", "2023", null, 50),
        Obs("CN", "2024-01", 9, 9), Obs("JP", "2024-01", 1, 1), Obs("CN", "2024-02", 5, 5), Obs("US", "2024-02", 5, 5),
        Obs("CN", "2023", 10, 10, product: "2846"), Obs("CN", "2023", 7, 7, product: "2846", currency: "USD"), Obs("MY", "2023", 3, 3, product: "2846", currency: "USD"),
    ];

    [Theory]
    [InlineData(Basis.Weight, PartnerScopeKind.ThirdCountries)] // default
    [InlineData(Basis.Value, PartnerScopeKind.ThirdCountries)] // value basis, unreported values
    [InlineData(Basis.Weight, PartnerScopeKind.AllCountries)] // EU partners in
    [InlineData(Basis.Value, PartnerScopeKind.IntraEu)] // EU partners only
    public void Compute_Published_GivesThePeriodIndicesOfEveryPeriod(Basis basis, PartnerScopeKind scope)
    {
        var expected = PeriodIndices.Compute(Mixed, basis, scope);

        var actual = WindowedIndices.Compute(Mixed, basis, scope);

        Assert.Equal(expected.Count, actual.Count);
        foreach (var (e, a) in expected.Zip(actual))
        {
            Assert.Equal((e.Reporter, e.Product, e.Flow, e.Period, e.Currency), (a.Row.Reporter, a.Row.Product, a.Row.Flow, a.Row.Period, a.Currency));
            Assert.Equal(e.Indices.Fields(), a.Indices.Fields());
            Assert.Equal(e.Indices.TopSuppliers, a.Indices.TopSuppliers);
            Assert.Equal(e.Period.IsAnnual ? IndexWindow.Annual : IndexWindow.Monthly, a.Row.Window);
        }
    }

    [Fact]
    public void Compute_Published_ChangesCompareWithTheEarlierPeriodOfTheSameWindow()
    {
        var rows = WindowedIndices.Compute(Mixed, Basis.Weight).Where(r => r.Row.Product == "850511").ToList();

        var y2023 = rows.Single(r => r.Row.Period == Period.Annual(2023));
        Assert.Equal(Period.Annual(2022), y2023.FromPrevious!.Value.Against);
        Assert.Equal(6800 - 5200, y2023.FromPrevious.Value.Hhi, 9); // 80/20 against 60/40
        Assert.Equal(y2023.FromPrevious, y2023.FromYearAgo);
        var feb = rows.Single(r => r.Row.Period == Period.Monthly(2024, 2));
        Assert.Equal(5000 - 8200, feb.FromPrevious!.Value.Hhi, 9);
        Assert.Null(feb.FromYearAgo); // no 2023-02
        Assert.Null(rows.Single(r => r.Row.Period == Period.Annual(2022)).FromPrevious); // first year
    }

    [Fact]
    public void Compute_EarlierPeriodWithoutSuppliers_HasNoChange()
    {
        // 2023's only figure is confidential: the 2024 change would be against all-zero placeholders.
        var rows = WindowedIndices.Compute([Obs("CN", "2023", null), Obs("CN", "2024", 5), Obs("JP", "2024", 5)], Basis.Weight);

        Assert.Equal(2, rows.Count);
        Assert.NotNull(rows[1].Row.ChangeFromPrevious); // the engine has the row...
        Assert.Null(rows[1].FromPrevious); // ...but it is not a change to report or alert on
    }

    [Fact]
    public void Compute_Rolling12_SumsTheMonthsPresentAndFlagsIncompleteWindows()
    {
        var rows = WindowedIndices.Compute(Mixed.Where(o => o.Product == "850511"), Basis.Weight, selection: IndexSelection.Rolling12);

        Assert.Equal([Period.Monthly(2024, 1), Period.Monthly(2024, 2)], rows.Select(r => r.Row.Period));
        var feb = rows[1];
        Assert.Equal(20m, feb.Indices.Total); // 10 + 10
        Assert.Equal(2, feb.Row.MonthsCovered);
        Assert.False(feb.Row.IsComplete);
        Assert.Equal(((14d / 20) * (14d / 20) + (1d / 20) * (1d / 20) + (5d / 20) * (5d / 20)) * 10000, feb.Indices.Hhi, 9); // CN 14, JP 1, US 5
        Assert.Equal(["CN", "US", "JP"], feb.Indices.TopSuppliers.Select(s => s.Partner));
    }

    [Fact]
    public void Compute_Annual_SumsMonthsForAYearWithoutAnnualData()
    {
        var rows = WindowedIndices.Compute(Mixed.Where(o => o.Product == "850511"), Basis.Weight, selection: IndexSelection.Annual);

        Assert.Equal([2022, 2023, 2024], rows.Select(r => r.Row.Period.Year));
        Assert.True(rows[1].Row.FromAnnualData);
        Assert.False(rows[2].Row.FromAnnualData);
        Assert.Equal(2, rows[2].Row.MonthsCovered); // year to date
        Assert.Equal(20m, rows[2].Indices.Total);
    }
}

file static class IndicesComparison
{
    /// <summary>The fields both computations give, as one comparable value.</summary>
    public static (decimal, int, double, double, double, double, string?, double, double) Fields(this ConcentrationIndices i) =>
        (i.Total, i.Suppliers, i.Hhi, i.HhiNormalized, i.Cr1, i.Cr3, i.TopSupplier, i.EquivalentSuppliers, i.Entropy);
}
