using Alerts.Compute.Stockpiling;
using Alerts.Pull.Catalog;
using Alerts.Pull.Statistics;

namespace Alerts.Compute.Tests.Stockpiling;

/// <summary>Months of cover on small cases worked by hand.</summary>
public sealed class CoverCalculatorTests
{
    private static TradeObservation Import(string partner, Period period, decimal? tonnes, TradeFlow flow = TradeFlow.Import) =>
        new("EU27_2020", partner, "280530", flow, period, tonnes * 1000m, 1m, "EUR");

    private static StockEntry Stock(decimal tonnes, string asOf) => new("rare-earths", ProcessingStage.Metal, tonnes, DateOnly.Parse(asOf, System.Globalization.CultureInfo.InvariantCulture), null);

    [Fact]
    public void Compute_AnnualData_StockOverTopSuppliersMonthlyAverageOfTheLastYearEndedByTheDate()
    {
        // 2024: China 1 200 t, Japan 600 t, Germany 5 000 t (intra-EU: not a supplier), 2025 not ended by 2025-06-30.
        // China's monthly average 1 200 / 12 = 100 t; a stock of 250 t lasts 2.5 months.
        var observations = new[]
        {
            Import("CN", Period.Annual(2024), 1200), Import("JP", Period.Annual(2024), 600), Import("DE", Period.Annual(2024), 5000),
            Import("CN", Period.Annual(2023), 2400), Import("JP", Period.Annual(2025), 9000), Import("CN", Period.Annual(2024), 800, TradeFlow.Export),
        };

        var cover = CoverCalculator.Compute(Stock(250, "2025-06-30"), "rare-earths/metal", observations)!;

        Assert.Equal(("CN", 100m, 2.5), (cover.TopSupplier, cover.MonthlyTonnes, cover.Months));
        Assert.Equal((Period.Annual(2024), Period.Annual(2024), Period.Annual(2024)), (cover.From, cover.To, cover.Period));
    }

    [Fact]
    public void Compute_MonthlyData_TwelveMonthsToTheLastEndedMonthDividedByTwelve()
    {
        // 2024-01..2024-12 China 10 t a month except March (missing: counts as nothing), Russia 30 t in 2024-06 only;
        // 2023-12 (outside the 12 months) Russia 500 t; 2025-01 ends after the stock's date.
        var observations = Enumerable.Range(1, 12).Where(m => m != 3).Select(m => Import("CN", Period.Monthly(2024, m), 10))
            .Append(Import("RU", Period.Monthly(2024, 6), 30))
            .Append(Import("RU", Period.Monthly(2023, 12), 500))
            .Append(Import("RU", Period.Monthly(2025, 1), 500))
            .Append(Import("US", Period.Monthly(2024, 7), null));

        var cover = CoverCalculator.Compute(Stock(55, "2025-01-15"), "rare-earths/metal", observations)!;

        // China 110 t over 12 months = 9.1666 t a month; 55 / (110 / 12) = 6 months.
        Assert.Equal("CN", cover.TopSupplier);
        Assert.Equal(6.0, cover.Months, 9);
        Assert.Equal((Period.Monthly(2024, 1), Period.Monthly(2024, 12)), (cover.From, cover.Period));
    }

    [Fact]
    public void Compute_NoImportsEndedByTheDate_Null()
    {
        Assert.Null(CoverCalculator.Compute(Stock(10, "2023-12-30"), "rare-earths/metal", [Import("CN", Period.Annual(2023), 100)]));
    }
}
