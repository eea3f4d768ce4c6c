using Alerts.Compute.Engine;
using Alerts.Compute.SupplyRisk;
using Alerts.Pull.Statistics;

namespace Alerts.Compute.Tests.SupplyRisk;

public sealed class CrmaShareCalculatorTests
{
    // 2024: China 700, Russia 300 imported; 200 exported.
    private static readonly TradeObservation[] Trade =
    [
        Obs("CN", TradeFlow.Import, 700), Obs("RU", TradeFlow.Import, 300), Obs("US", TradeFlow.Export, 200),
    ];

    [Fact]
    public void Compute_WithProduction_ConsumptionShareBelowImportShare()
    {
        var production = ProductionTable.Parse("reporter,product,year,quantity_kg\nEU27_2020,280530,2024,200\n", "p.csv");

        var row = Assert.Single(CrmaShareCalculator.Compute(Trade, production));

        // Apparent consumption = 200 + 1000 - 200 = 1000; China 700/1000 either way here.
        Assert.Equal(CrmaProxy.ImportAndConsumptionShare, row.Available);
        Assert.Equal(1000m, row.ApparentConsumption);
        Assert.Equal(200m, row.Exports);
        Assert.Equal("CN", row.TopSupplier);
        Assert.Equal(0.7, row.TopImportShare, 12);
        Assert.Equal(0.7, row.TopConsumptionShare!.Value, 12);
        Assert.True(row.ExceedsBenchmark);
    }

    [Fact]
    public void Compute_ProductionAboveExports_ConsumptionShareSmaller()
    {
        var production = ProductionTable.Parse("reporter,product,year,quantity_kg\nEU27_2020,280530,2024,1200\n", "p.csv");

        var row = Assert.Single(CrmaShareCalculator.Compute(Trade, production));

        // 700 / (1200 + 1000 - 200) = 0.35: below the 65% benchmark although the import share is 70%.
        Assert.Equal(0.35, row.TopConsumptionShare!.Value, 12);
        Assert.Equal(0.7, row.TopImportShare, 12);
        Assert.False(row.ExceedsBenchmark);
    }

    [Theory]
    [InlineData(null, Basis.Weight, "no production figure")] // production absent
    [InlineData("0", Basis.Value, "weight basis")] // value basis: production is in kg
    public void Compute_NoConsumption_SaysOnlyImportProxyAvailable(string? producedKg, Basis basis, string note)
    {
        var production = producedKg is null ? null : ProductionTable.Parse($"reporter,product,year,quantity_kg\nEU27_2020,280530,2024,{producedKg}\n", "p.csv");

        var row = Assert.Single(CrmaShareCalculator.Compute(Trade, production, basis));

        Assert.Equal(CrmaProxy.ImportShareOnly, row.Available);
        Assert.Contains(note, row.Note, StringComparison.Ordinal);
        Assert.Null(row.TopConsumptionShare);
        Assert.Null(row.ApparentConsumption);
        Assert.Equal(0.7, row.TopImportShare, 12);
    }

    [Fact]
    public void Compute_ExportsExceedSupply_ImportProxyOnlyWithReason()
    {
        var production = ProductionTable.Parse("reporter,product,year,quantity_kg\nEU27_2020,280530,2024,0\n", "p.csv");
        var trade = Trade.Append(Obs("CH", TradeFlow.Export, 2000));

        var row = Assert.Single(CrmaShareCalculator.Compute(trade, production));

        Assert.Equal(CrmaProxy.ImportShareOnly, row.Available);
        Assert.Contains("not positive", row.Note, StringComparison.Ordinal);
        Assert.Equal(-1200m, row.ApparentConsumption);
    }

    [Fact]
    public void Compute_NoExportFigures_ImportProxyOnlyRatherThanExportsZero()
    {
        var production = ProductionTable.Parse("reporter,product,year,quantity_kg\nEU27_2020,280530,2024,200\n", "p.csv");

        var row = Assert.Single(CrmaShareCalculator.Compute(Trade.Where(o => o.Flow == TradeFlow.Import), production));

        Assert.Equal(CrmaProxy.ImportShareOnly, row.Available);
        Assert.Contains("no export figures", row.Note, StringComparison.Ordinal);
        Assert.False(row.ExportsReported);
        Assert.Null(row.TopConsumptionShare);
    }

    [Fact]
    public void Compute_PartYearOfMonths_ImportProxyOnlyAgainstAWholeYearsProduction()
    {
        var production = ProductionTable.Parse("reporter,product,year,quantity_kg\nEU27_2020,280530,2024,200\n", "p.csv");
        var months = Trade.Select(o => o with { Period = Period.Monthly(2024, 3) });

        var row = Assert.Single(CrmaShareCalculator.Compute(months, production));

        Assert.False(row.IsComplete);
        Assert.Equal(CrmaProxy.ImportShareOnly, row.Available);
        Assert.Contains("1 of 12 months", row.Note, StringComparison.Ordinal);
    }

    private static TradeObservation Obs(string partner, TradeFlow flow, decimal kg) =>
        new("EU27_2020", partner, "280530", flow, Period.Annual(2024), kg, kg * 3, "EUR");
}
