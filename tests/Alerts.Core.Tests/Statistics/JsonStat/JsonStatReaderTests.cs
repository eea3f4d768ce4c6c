using Alerts.Core.Statistics;
using Alerts.Core.Statistics.JsonStat;
using Alerts.TestKit.Samples;

namespace Alerts.Core.Tests.Statistics.JsonStat;

public sealed class JsonStatReaderTests
{
    private static TradeObservation Obs(string partner, string product, Period period, decimal? kg, decimal? eur, string reporter = "EU27_2020", TradeFlow flow = TradeFlow.Import) =>
        new(reporter, partner, product, flow, period, kg, eur, "EUR");

    [Fact]
    public void Read_SparseSample_GivesExactObservationsIncludingAggregates()
    {
        using var stream = SampleFiles.Open("comext/284690.json");

        var data = JsonStatReader.Read(stream, "284690.json");

        Assert.Equal(TradeDataSource.Comext, data.Source);
        Assert.Equal(TradeDataFormat.ComextJsonStat, data.Format);
        Assert.Equal("2025-10-15T11:00:00+0200", data.Vintage.Text);
        Assert.Equal(new DateTimeOffset(2025, 10, 15, 9, 0, 0, TimeSpan.Zero), data.Vintage.Timestamp);
        Assert.Equal(69, data.Observations.Count);
        // 2024 China: 59727 x 100 kg = 5 972 700 kg (46.3% of 12 900 t), EUR from the sample's price.
        Assert.Contains(Obs("CN", "284690", Period.Annual(2024), 5_972_700m, 37_030_740m), data.Observations);
        Assert.Contains(Obs("RU", "284690", Period.Annual(2024), 3_663_600m, 16_119_840m), data.Observations);
        Assert.Contains(data.Observations, o => o.Partner == "WORLD" && o.Period == Period.Annual(2024));
        Assert.Contains(data.Observations, o => o.Partner == "EXT_EU27_2020" && o.QuantityKg == 12_900_000m && o.Period == Period.Annual(2024));
        Assert.Contains(data.Observations, o => o.Partner == "EE");
        Assert.Equal(["CN", "DE", "EE", "EXT_EU27_2020", "FR", "GB", "INT_EU27_2020", "JP", "MY", "RU", "US", "VN", "WORLD"], data.Observations.Select(o => o.Partner).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Read_QuantityConfidential_KeepsValueAndQuantityIsNullNotZero()
    {
        using var stream = SampleFiles.Open("comext/280530.json");

        var data = JsonStatReader.Read(stream, "280530.json");

        var japan2020 = Assert.Single(data.Observations, o => o.Partner == "JP" && o.Period == Period.Annual(2020));
        Assert.Null(japan2020.QuantityKg);
        Assert.NotNull(japan2020.Value);
    }

    [Fact]
    public void Read_DenseMonthlySample_SkipsNullCellsAndReadsMonths()
    {
        using var stream = SampleFiles.Open("comext/850511-monthly.json");

        var data = JsonStatReader.Read(stream, "850511-monthly.json");

        Assert.Equal(Enumerable.Range(1, 6).Select(m => Period.Monthly(2024, m)), data.Observations.Select(o => o.Period).Distinct().Order());
        Assert.DoesNotContain(data.Observations, o => o.Partner == "PH" && o.Period == Period.Monthly(2024, 3));
        Assert.Contains(data.Observations, o => o.Partner == "PH" && o.Period == Period.Monthly(2024, 4));
        var qz = Assert.Single(data.Observations, o => o.Partner == "QZ" && o.Period == Period.Monthly(2024, 1));
        Assert.Null(qz.QuantityKg);
    }

    [Fact]
    public void Read_SeveralIndicatorsAndPeriodFormats_MergesIntoOneObservationPerCell()
    {
        // dims: partner(2) x indicators(3) x time(2); YYYYMmm months, index given as an array for time.
        var json = """
        {"version":"2.0","class":"dataset","updated":"2026-01-15T23:00:00+0100",
         "value":{"0":10.5,"1":20,"2":1000,"3":2000,"4":7,"5":8,"6":1,"8":300,"9":400},
         "id":["freq","reporter","partner","product","flow","indicators","time"],"size":[1,1,2,1,1,3,2],
         "dimension":{
          "freq":{"category":{"index":{"M":0}}},"reporter":{"category":{"index":{"EU27_2020":0}}},
          "partner":{"category":{"index":{"CN":0,"US":1}}},"product":{"category":{"index":{"85051110":0}}},
          "flow":{"category":{"index":{"1":0}}},
          "indicators":{"category":{"index":{"QUANTITY_IN_100KG":0,"VALUE_IN_EUROS":1,"SUPPLEMENTARY_QUANTITY":2}}},
          "time":{"category":{"index":["2025M11","2025M12"]}}}}
        """;

        var data = JsonStatReader.Read(TestStreams.Utf8(json), "inline");

        Assert.Equal(
            [
                Obs("CN", "85051110", Period.Monthly(2025, 11), 1050m, 1000m),
                Obs("CN", "85051110", Period.Monthly(2025, 12), 2000m, 2000m),
                Obs("US", "85051110", Period.Monthly(2025, 11), 100m, 300m),
                Obs("US", "85051110", Period.Monthly(2025, 12), null, 400m),
            ],
            data.Observations);
    }

    [Fact]
    public void Read_IsoMonths_ReadsYyyyMm()
    {
        var json = "{'id':['reporter','partner','product','flow','indicators','time'],'size':[1,1,1,1,1,1],'value':[5]," +
                   "'dimension':{'reporter':{'category':{'index':{'DE':0}}},'partner':{'category':{'index':{'CN':0}}},'product':{'category':{'index':{'280530':0}}}," +
                   "'flow':{'category':{'index':{'2':0}}},'indicators':{'category':{'index':{'VALUE_IN_EUROS':0}}},'time':{'category':{'index':{'2024-07':0}}}}}";

        var data = JsonStatReader.Read(TestStreams.Json(json), "inline");

        Assert.Equal([Obs("CN", "280530", Period.Monthly(2024, 7), null, 5m, reporter: "DE", flow: TradeFlow.Export)], data.Observations);
        Assert.False(data.Vintage.IsKnown);
    }

    [Fact]
    public void Read_Utf8Bom_IsSkipped()
    {
        var bytes = System.Text.Encoding.UTF8.GetPreamble().Concat(File.ReadAllBytes(SampleFiles.Get("comext/250410.json"))).ToArray();

        var data = JsonStatReader.Read(new MemoryStream(bytes), "bom.json");

        Assert.NotEmpty(data.Observations);
    }

    [Fact]
    public void Read_ErrorObject_FailsWithTheSourceMessage()
    {
        var json = "{'error':{'status':413,'id':'EXTRACTION_TOO_BIG','label':'Extraction too big, please change the filters'}}";

        var e = Assert.Throws<TradeDataFormatException>(() => JsonStatReader.Read(TestStreams.Json(json), "q"));

        Assert.Equal("$.error", e.Location);
        Assert.Contains("EXTRACTION_TOO_BIG", e.Problem, StringComparison.Ordinal);
    }
}
