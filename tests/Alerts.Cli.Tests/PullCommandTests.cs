using System.Globalization;
using Alerts.Cli.Commands;
using Alerts.Compute.Engine;
using Alerts.Pull.Statistics;
using Alerts.TestKit.Http;

namespace Alerts.Cli.Tests;

public sealed class PullCommandTests
{
    private static string YearBody(int year) =>
        "{\"class\":\"dataset\",\"updated\":\"2026-01-15T10:00:00+0100\",\"value\":{\"0\":" + year.ToString(CultureInfo.InvariantCulture) + ",\"1\":10,\"2\":5,\"3\":7}," +
        "\"id\":[\"freq\",\"reporter\",\"partner\",\"product\",\"flow\",\"indicators\",\"time\"],\"size\":[1,1,2,1,1,2,1],\"dimension\":{" +
        "\"freq\":{\"category\":{\"index\":{\"A\":0}}},\"reporter\":{\"category\":{\"index\":{\"EU27_2020\":0}}},\"partner\":{\"category\":{\"index\":{\"CN\":0,\"US\":1}}}," +
        "\"product\":{\"category\":{\"index\":{\"850511\":0}}},\"flow\":{\"category\":{\"index\":{\"1\":0}}}," +
        "\"indicators\":{\"category\":{\"index\":{\"QUANTITY_IN_100KG\":0,\"VALUE_IN_EUROS\":1}}},\"time\":{\"category\":{\"index\":{\"" + year.ToString(CultureInfo.InvariantCulture) + "\":0}}}}}";

    [Fact]
    public async Task RunAsync_ComextAgainstLocalServer_WritesAFileIndicesCanRead()
    {
        await using var server = await ScriptedHttpServer.StartAsync(r => ScriptedResponse.Ok(YearBody(int.Parse(r.Param("sinceTimePeriod")!, CultureInfo.InvariantCulture))));
        var output = Path.Combine(Path.GetTempPath(), $"pull-{Guid.NewGuid():N}.csv");
        var stdout = new StringWriter(CultureInfo.InvariantCulture);
        var stderr = new StringWriter(CultureInfo.InvariantCulture);
        try
        {
            var code = await PullCommand.RunAsync(["--source", "comext", "--product", "850511", "--from", "2022", "--to", "2024", "--out", output, "--base-url", server.BaseAddress.ToString()], stdout, stderr, CancellationToken.None);

            Assert.Equal(0, code);
            Assert.Equal(3, server.Requests.Count);
            Assert.Contains("wrote 6 observations", stdout.ToString(), StringComparison.Ordinal);
            var data = TradeDataReader.ReadFile(output);
            Assert.Equal(TradeDataFormat.ComextSdmxCsv, data.Format);
            Assert.Equal(6, data.Observations.Count);
            Assert.Equal(202_400m, data.Observations.Single(o => o.Partner == "CN" && o.Period == Period.Annual(2024)).QuantityKg);
        }
        finally
        {
            File.Delete(output);
        }
    }

    [Fact]
    public async Task RunAsync_SourceFails_ExitsOneAndLeavesNoFile()
    {
        await using var server = await ScriptedHttpServer.StartAsync(_ => new ScriptedResponse(400, "{\"error\":{\"id\":\"INVALID_QUERY_DIMENSION_VALUE\"}}"));
        var output = Path.Combine(Path.GetTempPath(), $"pull-{Guid.NewGuid():N}.csv");
        var stderr = new StringWriter(CultureInfo.InvariantCulture);

        var code = await PullCommand.RunAsync(["--source", "comext", "--product", "999999", "--from", "2024-01", "--to", "2024-03", "--out", output, "--base-url", server.BaseAddress.ToString()], TextWriter.Null, stderr, CancellationToken.None);

        Assert.Equal(1, code);
        Assert.False(File.Exists(output));
        Assert.False(File.Exists(output + ".partial"));
        Assert.Contains("Comext product 999999", stderr.ToString(), StringComparison.Ordinal);
        Assert.Contains("INVALID_QUERY_DIMENSION_VALUE", stderr.ToString(), StringComparison.Ordinal);
        Assert.Equal("2024-01", server.Requests[0].Param("sinceTimePeriod"));
    }
}
