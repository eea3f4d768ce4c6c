using Alerts.Compute.Engine;
using Alerts.Compute.Series;
using Alerts.Evaluate.Run;

using Alerts.Pull;
using Alerts.Pull.Sources;
using Alerts.Pull.Statistics;

namespace Alerts.Compute.Tests.Series;

public sealed class SeriesWindowsTests
{
    private static readonly SeriesKey Magnets = new("EU27_2020", "850511", TradeFlow.Import);

    /// <summary>Months 2023-01..2024-12, China and Japan.</summary>
    private static readonly List<TradeObservation> Months = [.. Enumerable.Range(0, 24).SelectMany(i =>
    {
        var period = Period.Monthly(2023 + (i / 12), (i % 12) + 1);
        return new TradeObservation[]
        {
            new(Magnets.Reporter, "CN", Magnets.Product, TradeFlow.Import, period, 60 + i, 600 + i, "EUR"),
            new(Magnets.Reporter, "JP", Magnets.Product, TradeFlow.Import, period, 40, 400, "EUR"),
        };
    })];

    [Fact]
    public void Compute_Stored_PublishedMonthsAndRollingWindowsOnBothBases()
    {
        var rows = SeriesWindows.Compute(Magnets, Months, "magnets", SeriesWindows.Stored, pulledFrom: null);

        Assert.Equal(2 * 24, rows.Count(r => r.Window == IndexSelection.Published));
        Assert.Equal(2 * 24, rows.Count(r => r.Window == IndexSelection.Rolling12));
        Assert.All(rows.Where(r => r.Window == IndexSelection.Published), r => Assert.Null(r.MonthsCovered));
        var first = rows.First(r => r.Window == IndexSelection.Rolling12);
        Assert.Equal((Period.Monthly(2023, 1), 1, false), (first.Period, first.MonthsCovered!.Value, first.IsComplete)); // the series' own start: kept, flagged
        Assert.All(rows, r => Assert.Equal("magnets", r.CommodityName));
    }

    [Fact]
    public void Compute_PulledFromMidWindow_DropsWindowsReachingBeforeThePullAndChangesAgainstThem()
    {
        // The pull asked from 2023-01: the window to 2023-12 is the first wholly inside it.
        var rows = SeriesWindows.Compute(Magnets, Months, null, [IndexSelection.Rolling12], Period.Monthly(2023, 1));

        Assert.Equal(2 * 13, rows.Count);
        Assert.All(rows, r => Assert.True(r.Period >= Period.Monthly(2023, 12)));
        var firstKept = rows.First(r => r.Basis == Basis.Weight);
        Assert.Null(firstKept.ChangeFromPrevious); // against the truncated window to 2023-11
        Assert.Equal(Period.Monthly(2023, 12), rows.First(r => r.Period == Period.Monthly(2024, 1)).ChangeFromPrevious!.Value.Against);
        Assert.Equal(Period.Monthly(2023, 12), rows.Single(r => r.Basis == Basis.Weight && r.Period == Period.Monthly(2024, 12)).ChangeFromYearAgo!.Value.Against);
        Assert.Null(rows.Single(r => r.Basis == Basis.Weight && r.Period == Period.Monthly(2024, 11)).ChangeFromYearAgo); // 2023-11 was truncated
    }

    [Fact]
    public void Compute_WindowsForRules_AddsThemOnce()
    {
        var rows = SeriesWindows.Compute(Magnets, Months, null, [IndexSelection.Published, IndexSelection.Annual, IndexSelection.Annual], pulledFrom: null);

        var annual = rows.Where(r => r.Window == IndexSelection.Annual && r.Basis == Basis.Weight).ToList();
        Assert.Equal([Period.Annual(2023), Period.Annual(2024)], annual.Select(r => r.Period));
        Assert.All(annual, r => Assert.Equal(12, r.MonthsCovered));
    }

    [Fact]
    public void Compute_OtherSeriesInTheObservations_AreLeftOut()
    {
        var other = Months.Select(o => o with { Product = "280530" });

        var rows = SeriesWindows.Compute(Magnets, [.. Months, .. other], null, SeriesWindows.Stored, pulledFrom: null);

        Assert.All(rows, r => Assert.Equal(Magnets, r.Series));
    }
    [Fact]
    public void Compute_EuReporterWithMemberStatePartners_IndicesLeaveThemOutAndIntraEuTotalCarriesThem()
    {
        // Germany (a member state) ships 25 kg / 250 EUR every month beside China and Japan.
        var withGermany = Months.Concat(Months.Where(o => o.Partner == "CN").Select(o => o with { Partner = "DE", QuantityKg = 25, Value = 250 })).ToList();

        var rows = SeriesWindows.Compute(Magnets, withGermany, null, SeriesWindows.Stored, pulledFrom: null);

        var january = rows.Single(r => r is { Window: IndexSelection.Published, Basis: Basis.Weight } && r.Period == Period.Monthly(2023, 1));
        Assert.Equal((100m, 2, 25m), (january.Indices.Total, january.Indices.Suppliers, january.IntraEuTotal));
        var year = rows.Single(r => r is { Window: IndexSelection.Rolling12, Basis: Basis.Value } && r.Period == Period.Monthly(2023, 12));
        Assert.Equal(12 * 250m, year.IntraEuTotal);
        Assert.Equal(SeriesWindows.Compute(Magnets, Months, null, SeriesWindows.Stored, null).Select(r => r.Indices.Hhi), rows.Select(r => r.Indices.Hhi));
        // Without member-state partners an EU reporter's intra-EU flow is 0; a reporter outside the EU has none.
        Assert.All(SeriesWindows.Compute(Magnets, Months, null, SeriesWindows.Stored, null), r => Assert.Equal(0m, r.IntraEuTotal));
        var swiss = Magnets with { Reporter = "CH" };
        var fromSwitzerland = withGermany.Select(o => o with { Reporter = "CH" }).ToList();
        Assert.All(SeriesWindows.Compute(swiss, fromSwitzerland, null, SeriesWindows.Stored, null), r => Assert.Null(r.IntraEuTotal));
    }
}
