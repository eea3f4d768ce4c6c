using Alerts.Deliver.Rendering;
using Alerts.Evaluate.Lifecycle;
using Alerts.TestKit.Events;

namespace Alerts.Deliver.Tests.Rendering;

/// <summary>Which alerts of a notification make one block: the same series, basis, window, period and state.</summary>
public sealed class SeriesBlockTests
{
    private static readonly AlertEvent Crma = TestEvents.Event(fingerprint: "crma");
    private static readonly AlertEvent Hhi = TestEvents.Event(fingerprint: "hhi", ruleId: "hhi-2500", severity: "warning", metric: "hhi", value: 8357, threshold: 2500);

    [Fact]
    public void Of_TwoRulesOnOneSeriesAndPeriod_OneBlockLedByTheMostSevere()
    {
        var block = Assert.Single(SeriesBlock.Of([Hhi, Crma]));

        Assert.Same(Crma, block.Lead);
        Assert.Equal([Hhi], block.Others);
        Assert.Equal([Crma, Hhi], block.Events);
    }

    [Theory]
    // another period of the series: another table
    [InlineData("period")]
    // another commodity
    [InlineData("commodity")]
    // another reporter
    [InlineData("reporter")]
    // resolved while the other fires: two stories
    [InlineData("state")]
    // the rolling window's rows are other numbers
    [InlineData("window")]
    public void Of_DifferentSeriesPeriodOrState_SeparateBlocks(string differs)
    {
        var other = differs switch
        {
            "period" => Hhi with { Period = "2023" },
            "commodity" => Hhi with { Commodity = "28053010" },
            "reporter" => Hhi with { Reporter = "US" },
            "state" => Hhi with { State = AlertState.Resolved },
            _ => Hhi with { Window = Alerts.Compute.Engine.IndexSelection.Rolling12 },
        };

        var blocks = SeriesBlock.Of([Crma, other]);

        Assert.Equal([[Crma], [other]], blocks.Select(b => b.Events.ToArray()));
    }

    [Fact]
    public void Of_NoDataEvents_NeverMerged()
    {
        var a = Crma with { EventId = "a", NoData = true, State = AlertState.NoData };
        var b = Hhi with { EventId = "b", NoData = true, State = AlertState.NoData };

        Assert.Equal(2, SeriesBlock.Of([a, b]).Count);
    }

    [Fact]
    public void SupplierSource_LeadWithoutSuppliers_TheOtherEventsTable()
    {
        var block = Assert.Single(SeriesBlock.Of([Crma with { TopSuppliers = [] }, Hhi]));

        Assert.Same(Hhi, block.SupplierSource);
    }

    [Theory]
    // a firing HHI with its previous value
    [InlineData("firing", "HHI is 8,357 - above 2,500, previously 7,744")]
    // a resolved HHI
    [InlineData("resolved", "HHI is back below 2,500: 2,310")]
    public void MetricLine_FiringOrResolved(string state, string expected)
    {
        var e = state == "firing" ? Hhi with { PreviousValue = 7744 } : Hhi with { State = AlertState.Resolved, Value = 2310 };

        Assert.Equal(expected, SeriesBlockText.MetricLine(e));
    }
}
