using Alerts.Compute.Engine;
using Alerts.Pull.Statistics;
using Alerts.Pull.Statistics.Comtrade;
using Alerts.TestKit.Samples;

namespace Alerts.Pull.Tests.Statistics.Comtrade;

public sealed class ComtradeJsonReaderTests
{
    private static string Record(int partner, string period = "2024", int mot = 0, string customs = "C00", int partner2 = 0, string flow = "M", string netWgt = "1000", string value = "5000", int reporter = 97) =>
        $"{{'freqCode':'{(period.Length == 4 ? "A" : "M")}','period':'{period}','reporterCode':{reporter},'flowCode':'{flow}','partnerCode':{partner},'partner2Code':{partner2}," +
        $"'cmdCode':'280530','customsCode':'{customs}','motCode':{mot},'netWgt':{netWgt},'primaryValue':{value},'isAggregate':true,'extra':{{'nested':[1,2]}}}}";

    private static TradeDataSet Read(params string[] records) =>
        ComtradeJsonReader.Read(TestStreams.Json($"{{'elapsedTime':'0.1 secs','count':{records.Length},'data':[{string.Join(",", records)}],'error':''}}"), "comtrade.json");

    [Fact]
    public void Read_TotalsAndBreakdowns_KeepsOnlyTotalsOfRealCountries()
    {
        var data = Read(
            Record(156), // China total: kept
            Record(156, mot: 1000), // by sea: a breakdown of the total
            Record(156, customs: "C01"), // a customs procedure
            Record(156, partner2: 344), // second partner Hong Kong
            Record(0), // World
            Record(899), // areas nes
            Record(156, flow: "RM"), // re-imports
            Record(490, netWgt: "20", value: "30"), // Taiwan: kept
            Record(842, period: "202403", netWgt: "null")); // USA, monthly, weight missing

        Assert.Equal(
            [
                new TradeObservation("EU27_2020", "CN", "280530", TradeFlow.Import, Period.Annual(2024), 1000m, 5000m, "USD"),
                new TradeObservation("EU27_2020", "TW", "280530", TradeFlow.Import, Period.Annual(2024), 20m, 30m, "USD"),
                new TradeObservation("EU27_2020", "US", "280530", TradeFlow.Import, Period.Monthly(2024, 3), null, 5000m, "USD"),
            ],
            data.Observations);
        Assert.False(data.Vintage.IsKnown);
    }

    [Fact]
    public void Read_EquivalenceSample_DropsWorldAndBreakdowns()
    {
        using var stream = SampleFiles.Open("equivalence/284690-comtrade.json");

        var data = ComtradeJsonReader.Read(stream, "284690-comtrade.json");

        Assert.DoesNotContain(data.Observations, o => o.Partner.Length != 2);
        var china2024 = Assert.Single(data.Observations, o => o.Partner == "CN" && o.Period == Period.Annual(2024));
        Assert.Equal(5_972_700m, china2024.QuantityKg);
    }

    [Fact]
    public void Read_UnknownPartnerCode_FailsNamingTheRecord()
    {
        var e = Assert.Throws<TradeDataFormatException>(() => Read(Record(156), Record(123)));

        Assert.Equal("$.data[1].partnerCode", e.Location);
        Assert.Contains("unknown partner code 123", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Default_CodeTable_CoversDomainCodes()
    {
        var expected = new Dictionary<int, string>
        {
            [97] = "EU27_2020", [156] = "CN", [643] = "RU", [458] = "MY", [36] = "AU", [842] = "US", [392] = "JP", [152] = "CL",
            [398] = "KZ", [710] = "ZA", [180] = "CD", [76] = "BR", [792] = "TR", [251] = "FR", [276] = "DE", [699] = "IN", [490] = "TW",
        };

        foreach (var (code, iso) in expected)
        {
            Assert.True(M49CountryCodes.Default.TryGetIso(code, out var actual), $"code {code}");
            Assert.Equal(iso, actual);
        }

        Assert.True(M49CountryCodes.Default.IsNonCountry(0));
        Assert.False(M49CountryCodes.Default.IsNonCountry(490));
    }
}
