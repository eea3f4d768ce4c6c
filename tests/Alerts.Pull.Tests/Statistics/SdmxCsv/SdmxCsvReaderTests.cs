using System.Text;
using Alerts.Compute.Engine;
using Alerts.Pull.Statistics;
using Alerts.Pull.Statistics.SdmxCsv;
using Alerts.TestKit.Samples;

namespace Alerts.Pull.Tests.Statistics.SdmxCsv;

public sealed class SdmxCsvReaderTests
{
    private const string Header = "DATAFLOW,LAST UPDATE,freq,reporter,partner,product,flow,indicators,TIME_PERIOD,OBS_VALUE";

    private static TradeObservation Obs(string reporter, string partner, string product, TradeFlow flow, Period period, decimal? kg, decimal? eur) =>
        new(reporter, partner, product, flow, period, kg, eur, "EUR");

    [Fact]
    public void Read_DomainExampleRow_ConvertsHundredKilogramsToKg()
    {
        var csv = Header + "\nESTAT:DS-045409(1.0),15/09/26,M,AT,AE,7204,2,QUANTITY_IN_100KG,2023-09,1772.90\n";

        var data = SdmxCsvReader.Read(TestStreams.Utf8(csv), "example.csv");

        Assert.Equal([Obs("AT", "AE", "7204", TradeFlow.Export, Period.Monthly(2023, 9), 177290m, null)], data.Observations);
        Assert.Equal("177290", data.Observations[0].QuantityKg!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(new DateTimeOffset(2026, 9, 15, 0, 0, 0, TimeSpan.Zero), data.Vintage.Timestamp);
    }

    [Fact]
    public void Read_BomCrlfQuotedAndEmptyValues_MergesIndicatorsAndKeepsMissingAsNull()
    {
        var csv = "\uFEFF" + Header + ",OBS_FLAG\r\n" +
                  "\"ESTAT:DS-045409(1.0)\",01/02/26,M,EU27_2020,CN,280530,1,QUANTITY_IN_100KG,2025M01,12.5,\r\n" +
                  "ESTAT:DS-045409(1.0),01/02/26,M,EU27_2020,CN,280530,1,QUANTITY_IN_100KG,2025M02,,c\r\n" +
                  "ESTAT:DS-045409(1.0),01/02/26,M,EU27_2020,CN,280530,1,VALUE_IN_EUROS,2025M01,9000,\r\n" +
                  "ESTAT:DS-045409(1.0),03/02/26,M,EU27_2020,CN,280530,1,VALUE_IN_EUROS,2025M02,8000,\r\n" +
                  "ESTAT:DS-045409(1.0),01/02/26,M,EU27_2020,CN,280530,1,SUPPLEMENTARY_QUANTITY,2025M02,77,\r\n" +
                  "ESTAT:DS-045409(1.0),01/02/26,M,EU27_2020,WORLD,280530,1,VALUE_IN_EUROS,2025M02,,\r\n";

        var data = SdmxCsvReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "bom.csv");

        Assert.Equal(
            [
                Obs("EU27_2020", "CN", "280530", TradeFlow.Import, Period.Monthly(2025, 1), 1250m, 9000m),
                Obs("EU27_2020", "CN", "280530", TradeFlow.Import, Period.Monthly(2025, 2), null, 8000m),
            ],
            data.Observations);
        Assert.Equal("03/02/26", data.Vintage.Text);
    }

    [Fact]
    public void Read_Sample_MatchesJsonStatSample()
    {
        using var csv = SampleFiles.Open("comext/sdmx/850511.csv");
        using var json = SampleFiles.Open("comext/850511.json");

        var fromCsv = SdmxCsvReader.Read(csv, "850511.csv");
        var fromJson = Pull.Statistics.JsonStat.JsonStatReader.Read(json, "850511.json");

        Assert.Equal(fromJson.Observations, fromCsv.Observations);
        Assert.Contains(fromCsv.Observations, o => o.Partner == "QZ" && o.QuantityKg is null && o.Value is not null);
    }

    [Fact]
    public void Observations_Streaming_YieldsSeriesInFileOrderAndTracksVintage()
    {
        var csv = Header + "\n" +
                  "D,01/01/26,A,EU27_2020,US,280530,1,VALUE_IN_EUROS,2024,5\n" +
                  "D,02/01/26,A,EU27_2020,CN,280530,1,VALUE_IN_EUROS,2024,6\n";
        var reader = SdmxCsvReader.Create("s.csv");

        var partners = reader.Observations(TestStreams.Utf8(csv)).Select(o => o.Partner).ToList();

        Assert.Equal(["US", "CN"], partners);
        Assert.Equal(2, reader.Rows);
        Assert.Equal("02/01/26", reader.Vintage.Text);
    }

    [Theory]
    // the indicator is repeated for one period
    [InlineData("D,01/01/26,A,EU27_2020,CN,280530,1,VALUE_IN_EUROS,2024,5\nD,01/01/26,A,EU27_2020,CN,280530,1,VALUE_IN_EUROS,2024,5\n", "line 3", "duplicate row")]
    // the indicator is repeated after other series came in between
    [InlineData("D,01/01/26,A,EU27_2020,CN,280530,1,VALUE_IN_EUROS,2024,5\nD,01/01/26,A,EU27_2020,US,280530,1,VALUE_IN_EUROS,2024,5\nD,01/01/26,A,EU27_2020,CN,280530,1,VALUE_IN_EUROS,2024,6\n", "line 4", "already given at line 2")]
    public void Read_DuplicateOrScatteredRows_FailsNamingTheLine(string rows, string location, string problem)
    {
        var e = Assert.Throws<TradeDataFormatException>(() => SdmxCsvReader.Read(TestStreams.Utf8(Header + "\n" + rows), "d.csv"));

        Assert.Equal(location, e.Location);
        Assert.Contains(problem, e.Problem, StringComparison.Ordinal);
        Assert.Contains("d.csv", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_SeriesScatteredOverTheFile_GivesTheSameDataAsSorted()
    {
        var sorted = Header + "\n" +
                     "D,01/01/26,A,EU27_2020,CN,280530,1,QUANTITY_IN_100KG,2023,1\n" +
                     "D,01/01/26,A,EU27_2020,CN,280530,1,VALUE_IN_EUROS,2023,2\n" +
                     "D,01/01/26,A,EU27_2020,CN,280530,1,QUANTITY_IN_100KG,2024,3\n" +
                     "D,01/01/26,A,EU27_2020,US,280530,1,VALUE_IN_EUROS,2024,4\n";
        var scattered = Header + "\n" +
                        "D,01/01/26,A,EU27_2020,CN,280530,1,QUANTITY_IN_100KG,2024,3\n" +
                        "D,01/01/26,A,EU27_2020,US,280530,1,VALUE_IN_EUROS,2024,4\n" +
                        "D,01/01/26,A,EU27_2020,CN,280530,1,VALUE_IN_EUROS,2023,2\n" +
                        "D,01/01/26,A,EU27_2020,CN,280530,1,QUANTITY_IN_100KG,2023,1\n";

        var a = SdmxCsvReader.Read(TestStreams.Utf8(sorted), "a.csv");
        var b = SdmxCsvReader.Read(TestStreams.Utf8(scattered), "b.csv");

        Assert.Equal(a.Observations, b.Observations);
        Assert.Equal(3, b.Observations.Count);
        Assert.Equal(a.ContentFingerprint, b.ContentFingerprint);
    }
}
