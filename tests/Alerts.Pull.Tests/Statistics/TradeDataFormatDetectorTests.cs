using System.Text;
using Alerts.Compute.Engine;

using Alerts.Pull.Statistics;

namespace Alerts.Pull.Tests.Statistics;

public sealed class TradeDataFormatDetectorTests
{
    [Theory]
    [InlineData("{\"version\":\"2.0\",\"class\":\"dataset\"}", TradeDataFormat.ComextJsonStat)] // JSON-stat head
    [InlineData("\uFEFF  {\"error\":{\"status\":413}}", TradeDataFormat.ComextJsonStat)] // Eurostat error body with BOM
    [InlineData("{\"elapsedTime\":\"0.1 secs\",\"count\":0,\"data\":[]}", TradeDataFormat.ComtradeJson)] // Comtrade
    [InlineData("{\"statusCode\":429,\"message\":\"Rate limit\"}", TradeDataFormat.ComtradeJson)] // Comtrade error
    [InlineData("DATAFLOW,LAST UPDATE,freq\r\n", TradeDataFormat.ComextSdmxCsv)] // SDMX-CSV header
    [InlineData("\uFEFFDATAFLOW,LAST UPDATE\n", TradeDataFormat.ComextSdmxCsv)] // with BOM
    public void Detect_KnownHeads_GivesFormat(string head, TradeDataFormat expected) =>
        Assert.Equal(expected, TradeDataFormatDetector.Detect(Encoding.UTF8.GetBytes(head)));

    [Theory]
    [InlineData("")] // empty
    [InlineData("a,b,c\n")] // some other CSV
    [InlineData("{\"foo\":1}")] // other JSON
    public void Detect_Unknown_GivesNull(string head) => Assert.Null(TradeDataFormatDetector.Detect(Encoding.UTF8.GetBytes(head)));
}
