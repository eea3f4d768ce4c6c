using Alerts.Compute.Engine;

using Alerts.Pull.Statistics;

namespace Alerts.Pull.Tests.Statistics;

public sealed class ObservationChangeTests
{
    private static TradeObservation Obs(string partner, string product, int month, decimal kg) =>
        new("EU27_2020", partner, product, TradeFlow.Import, Period.Monthly(2024, month), kg, 1, "EUR");

    [Fact]
    public void Compare_SecondVintageRevisesOneMonth_ReportsOldAndNewValueAndOneSeries()
    {
        var first = new[] { Obs("CN", "280530", 1, 10), Obs("CN", "280530", 2, 20), Obs("CN", "850511", 1, 5) };
        var second = new[] { Obs("CN", "280530", 1, 10), Obs("CN", "280530", 2, 25), Obs("CN", "850511", 1, 5), Obs("US", "850511", 3, 1) };

        var changes = ObservationChange.Compare(first, second);

        Assert.Equal(2, changes.Count);
        Assert.Equal(20, changes[0].Previous!.QuantityKg);
        Assert.Equal(25, changes[0].Current!.QuantityKg);
        Assert.Null(changes[1].Previous);
        Assert.Equal(
            new HashSet<SeriesKey> { new("EU27_2020", "280530", TradeFlow.Import), new("EU27_2020", "850511", TradeFlow.Import) },
            ObservationChange.ChangedSeries(changes));
    }

    [Fact]
    public void ContentFingerprint_SameContentDifferentOrder_IsEqual()
    {
        var a = new TradeDataSet(TradeDataSource.Comtrade, TradeDataFormat.ComtradeJson, "a", DataVintage.Unknown, [Obs("CN", "1", 1, 1), Obs("US", "1", 1, 2)]);
        var b = new TradeDataSet(TradeDataSource.Comtrade, TradeDataFormat.ComtradeJson, "b", DataVintage.Unknown, [Obs("US", "1", 1, 2), Obs("CN", "1", 1, 1)]);
        var c = new TradeDataSet(TradeDataSource.Comtrade, TradeDataFormat.ComtradeJson, "c", DataVintage.Unknown, [Obs("US", "1", 1, 3), Obs("CN", "1", 1, 1)]);

        Assert.Equal(a.ContentFingerprint, b.ContentFingerprint);
        Assert.NotEqual(a.ContentFingerprint, c.ContentFingerprint);
    }
}
