using Alerts.Compute.Engine;
using Alerts.Pull.Statistics;

namespace Alerts.Compute.Tests.Engine;

public sealed class TradeBatchTests
{
    [Fact]
    public void Add_RowsOfTwoSeries_CountsRowsAndSeries()
    {
        var batch = new TradeBatch();
        var eu = batch.Reporters.Intern("EU27_2020");
        var ree = batch.Products.Intern("280530");
        var cn = batch.Partners.Intern("CN");

        batch.Add(eu, ree, TradeFlow.Import, cn, Period.Monthly(2024, 1), 5, null);
        batch.Add(eu, ree, TradeFlow.Import, cn, Period.Monthly(2024, 2), null, 7);
        batch.Add(eu, ree, TradeFlow.Export, cn, Period.Annual(2024), 1, 1);

        Assert.Equal(3, batch.Count);
        Assert.Equal(2, batch.SeriesCount); // import and export
    }

    [Theory]
    [InlineData(-1, 1, "weightKg")] // negative weight
    [InlineData(1, -1, "value")] // negative value
    public void Add_NegativeAmount_RejectedNamingFieldAndObservation(double kg, double value, string param)
    {
        var batch = new TradeBatch();
        var e = Assert.Throws<ArgumentOutOfRangeException>(() =>
            batch.Add(batch.Reporters.Intern("EU27_2020"), batch.Products.Intern("280530"), TradeFlow.Import, batch.Partners.Intern("RU"), Period.Monthly(2024, 3), (decimal)kg, (decimal)value));

        Assert.Equal(param, e.ParamName);
        Assert.Contains("EU27_2020/280530/Import/2024-03 partner RU", e.Message, StringComparison.Ordinal);
        Assert.Equal(0, batch.Count);
    }

    [Fact]
    public void Add_UnknownFlowOrId_Rejected()
    {
        var batch = new TradeBatch();
        var r = batch.Reporters.Intern("EU27_2020");
        var p = batch.Products.Intern("280530");

        Assert.Throws<ArgumentOutOfRangeException>(() => batch.Add(r, p, (TradeFlow)3, 0, Period.Annual(2024), 1, 1)); // flow 3
        Assert.Throws<ArgumentOutOfRangeException>(() => batch.Add(r, p, TradeFlow.Import, 0, Period.Annual(2024), 1, 1)); // partner 0 never interned
    }

    [Fact]
    public void From_ManyObservations_GrowsAndKeepsAll()
    {
        var obs = Enumerable.Range(0, 5000).Select(i => new TradeObservation("EU27_2020", $"P{i % 40}", "280530", TradeFlow.Import, Period.Monthly(2020 + (i % 5), 1 + (i % 12)), i, i, "EUR"));

        var batch = TradeBatch.From(obs.Where(_ => true)); // not countable up front

        Assert.Equal(5000, batch.Count);
        Assert.Equal(40, batch.Partners.Count);
    }
}
