using Alerts.Compute.Engine;
using Alerts.Pull.Sources.Comext;
using Alerts.Pull.Statistics;

namespace Alerts.Pull.Tests.Sources;

public sealed class ComextRequestBuilderTests
{
    private static readonly ComextQuery Query = new() { Products = ["280530"], From = Period.Annual(2024), To = Period.Annual(2024) };

    [Fact]
    public void Statistics_AnnualQuery_RepeatsParametersAsTheApiExpects() =>
        Assert.Equal(
            "statistics/1.0/data/DS-045409?format=JSON&lang=EN&freq=A&reporter=EU27_2020&product=280530&flow=1&indicators=QUANTITY_IN_100KG&indicators=VALUE_IN_EUROS&sinceTimePeriod=2024&untilTimePeriod=2024",
            ComextRequestBuilder.Statistics(Query));

    [Fact]
    public void Sdmx_MonthlyQueryWithPartners_JoinsValuesWithPlusAndLeavesWildcardsEmpty() =>
        Assert.Equal(
            "sdmx/2.1/data/DS-045409/M.EU27_2020.CN+RU.280530+850511.1+2.VALUE_IN_EUROS?startPeriod=2024-01&endPeriod=2024-12&format=SDMX-CSV",
            ComextRequestBuilder.Sdmx(Query with
            {
                Products = ["280530", "850511"], Partners = ["CN", "RU"], Flows = [TradeFlow.Import, TradeFlow.Export],
                Indicators = [ComextIndicators.ValueInEuros], From = Period.Monthly(2024, 1), To = Period.Monthly(2024, 12),
            }));

    [Fact]
    public void Split_MonthsAcrossYears_GivesOneQueryPerCalendarYear()
    {
        var parts = ComextRequestBuilder.Split(Query with { From = Period.Monthly(2023, 11), To = Period.Monthly(2025, 2) })!;

        Assert.Equal(
            [(Period.Monthly(2023, 11), Period.Monthly(2023, 12)), (Period.Monthly(2024, 1), Period.Monthly(2024, 12)), (Period.Monthly(2025, 1), Period.Monthly(2025, 2))],
            parts.Select(p => (p.From, p.To)));
        Assert.Null(ComextRequestBuilder.Split(Query));
    }
}
