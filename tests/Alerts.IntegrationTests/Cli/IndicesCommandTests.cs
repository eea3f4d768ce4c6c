using System.Globalization;
using System.Text.Json;
using Alerts.Cli.Commands;
using Alerts.TestKit.Samples;

namespace Alerts.IntegrationTests.Cli;

public sealed class IndicesCommandTests
{
    private static async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        var stdout = new StringWriter(CultureInfo.InvariantCulture);
        var stderr = new StringWriter(CultureInfo.InvariantCulture);
        var code = await IndicesCommand.RunAsync(args, stdout, stderr, CancellationToken.None);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task RunAsync_JsonOnRareEarthSample_GivesOneObjectPerPeriodWithContractFields()
    {
        var (code, output, _) = await RunAsync("--input", SampleFiles.Get("comext/284690.json"), "--format", "json");

        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(output);
        var rows = doc.RootElement.EnumerateArray().ToList();
        Assert.Equal(6, rows.Count);
        var y2024 = rows.Single(r => r.GetProperty("period").GetString() == "2024");
        Assert.Equal("EU27_2020", y2024.GetProperty("reporter").GetString());
        Assert.Equal("284690", y2024.GetProperty("product").GetString());
        Assert.Equal("import", y2024.GetProperty("flow").GetString());
        Assert.Equal("weight", y2024.GetProperty("basis").GetString());
        Assert.Equal(12_900_000m, y2024.GetProperty("total").GetDecimal());
        Assert.Equal(7, y2024.GetProperty("suppliers").GetInt32());
        Assert.Equal(0.463, y2024.GetProperty("cr1").GetDouble(), 9);
        Assert.Equal(0.946, y2024.GetProperty("cr3").GetDouble(), 9);
        Assert.Equal("CN", y2024.GetProperty("topSupplier").GetString());
        Assert.InRange(y2024.GetProperty("hhi").GetDouble(), 3346.3, 3375.4);
        foreach (var field in IndicesCommand.Fields)
        {
            Assert.True(y2024.TryGetProperty(field, out _), field);
        }
    }

    [Fact]
    public async Task RunAsync_CsvOnMagnetSample_HasHeaderAndARowPerPeriod()
    {
        var (code, output, _) = await RunAsync("--input", SampleFiles.Get("comext/sdmx/850511.csv"), "--format", "csv", "--basis", "value");

        Assert.Equal(0, code);
        var lines = output.TrimEnd('\n').Split('\n');
        Assert.Equal(string.Join(",", IndicesCommand.Fields), lines[0]);
        Assert.Equal(7, lines.Length);
        var last = lines[^1].Split(',');
        Assert.Equal(["EU27_2020", "850511", "import", "2024", "value", "EUR"], last[..6]);
        Assert.Equal("CN", last[12]);
    }

    [Fact]
    public async Task RunAsync_ThreeFormatsOfOneDataSet_PrintTheSameIndices()
    {
        var outputs = new List<string>();
        foreach (var file in new[] { "equivalence/284690.json", "equivalence/284690.csv", "equivalence/284690-comtrade.json" })
        {
            var (code, output, _) = await RunAsync("--input", SampleFiles.Get(file), "--format", "csv");
            Assert.Equal(0, code);
            outputs.Add(output);
        }

        Assert.Equal(outputs[0], outputs[1]);
        Assert.Equal(outputs[0].Replace(",weight,kg,", ",X,", StringComparison.Ordinal), outputs[2].Replace(",weight,kg,", ",X,", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_Table_RendersARow()
    {
        var (code, output, _) = await RunAsync("--input", SampleFiles.Get("comext/811292.json"));

        Assert.Equal(0, code);
        Assert.Contains("811292", output, StringComparison.Ordinal);
        Assert.Contains("CN", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"class\":\"dataset\",\"value\":{\"0\":\"x\"}", "$.value['0']")] // wrong type
    [InlineData("{\"class\":\"dataset\",\"value\":{\"0\":", "truncated")] // truncated
    [InlineData("DATAFLOW,LAST UPDATE,freq,reporter,partner,product,flow,indicators,TIME_PERIOD,OBS_VALUE\nD,01/01/26,A,EU27_2020,CN,1,1,VALUE_IN_EUROS,2024,-4\n", "line 2")] // negative
    public async Task RunAsync_BadFile_NamesFileAndPlaceWritesNothingAndFails(string content, string where)
    {
        var path = Path.Combine(Path.GetTempPath(), $"bad-{Guid.NewGuid():N}.dat");
        await File.WriteAllTextAsync(path, content);
        try
        {
            var (code, output, error) = await RunAsync("--input", path, "--format", "json");

            Assert.Equal(1, code);
            Assert.Equal(string.Empty, output);
            Assert.Contains(path, error, StringComparison.Ordinal);
            Assert.Contains(where, error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("--format json")] // no input
    [InlineData("--input x --format xml")] // bad format
    [InlineData("--input x --colour red")] // unknown option
    [InlineData("--input")] // option without value
    public async Task RunAsync_BadUsage_ExitsTwo(string args)
    {
        var (code, output, error) = await RunAsync(args.Split(' '));

        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        Assert.Contains("usage: alerts indices", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_MissingFile_Fails()
    {
        var (code, _, error) = await RunAsync("--input", "/nonexistent/file.json");

        Assert.Equal(1, code);
        Assert.Contains("/nonexistent/file.json", error, StringComparison.Ordinal);
    }
}
