using System.Globalization;
using System.Text.Json;
using Alerts.Cli.Commands;
using Alerts.Compute.Engine;
using Alerts.Pull.Statistics;
using Alerts.TestKit.Samples;

namespace Alerts.Cli.Tests;

/// <summary><c>alerts indices --commodity ID[/STAGE]</c>: a file with several codes of a commodity gives the commodity's indices.</summary>
public sealed class CommodityInputTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("alerts-commodity-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        var stdout = new StringWriter(CultureInfo.InvariantCulture);
        var stderr = new StringWriter(CultureInfo.InvariantCulture);
        var code = await IndicesCommand.RunAsync(args, stdout, stderr, CancellationToken.None);
        return (code, stdout.ToString(), stderr.ToString());
    }

    // One SDMX-CSV file with both natural-graphite codes (flakes and other): the second file's rows under the first's header.
    private string GraphiteFile()
    {
        var flakes = File.ReadAllText(SampleFiles.Get("comext/sdmx/250410.csv"));
        var other = File.ReadAllText(SampleFiles.Get("comext/sdmx/250490.csv"));
        var path = Path.Combine(_folder, "graphite.csv");
        File.WriteAllText(path, flakes + other[(other.IndexOf('\n', StringComparison.Ordinal) + 1)..]);
        return path;
    }

    [Fact]
    public async Task RunAsync_CommodityOnFileWithTwoCodes_IndicesOfTheSummedFlows()
    {
        var file = GraphiteFile();

        var (code, output, err) = await RunAsync("--input", file, "--format", "json", "--commodity", "graphite");

        Assert.Equal(0, code);
        Assert.Contains("graphite/ore sums 250410, 250490", err, StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(output);
        var rows = doc.RootElement.EnumerateArray().ToList();
        Assert.All(rows, r => Assert.Equal("graphite/ore", r.GetProperty("product").GetString()));
        var y2024 = rows.Single(r => r.GetProperty("period").GetString() == "2024");

        // By hand from the two files: third-country kilograms per partner in 2024, summed over both codes.
        var kg = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var o in TradeDataReader.ReadFile(file).Observations.Where(o => o.Period == Period.Annual(2024) && o.Partner.Length == 2 && o.Partner is not ("DE" or "AT" or "NL")))
        {
            kg[o.Partner] = kg.GetValueOrDefault(o.Partner) + o.QuantityKg!.Value;
        }

        var total = kg.Values.Sum();
        Assert.Equal(total, y2024.GetProperty("total").GetDecimal());
        Assert.Equal(kg.Count, y2024.GetProperty("suppliers").GetInt32());
        Assert.Equal(kg.Values.Sum(t => Math.Pow((double)(t / total) * 100, 2)), y2024.GetProperty("hhi").GetDouble(), 6);
    }

    [Fact]
    public async Task RunAsync_CommodityPartlyInFile_SaysWhichCodesAreMissing()
    {
        var (code, output, err) = await RunAsync("--input", SampleFiles.Get("comext/284690.json"), "--format", "csv", "--commodity", "rare-earths/intermediate");

        Assert.Equal(0, code);
        Assert.Contains("rare-earths/intermediate sums 284690; catalog codes not in", err, StringComparison.Ordinal);
        Assert.Contains("284610", err, StringComparison.Ordinal);
        Assert.Contains("\nEU27_2020,rare-earths/intermediate,import,2024,", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_OperatorCatalog_CommodityFromTheFile()
    {
        var catalog = Path.Combine(_folder, "ops.json");
        File.WriteAllText(catalog, """{"commodities":[{"id":"flake-graphite","name":"Flake graphite","stages":{"ore":["250410"]}}]}""");

        var (code, output, _) = await RunAsync("--input", GraphiteFile(), "--format", "csv", "--commodity", "flake-graphite", "--catalog", catalog);
        var (_, flakesOnly, _) = await RunAsync("--input", SampleFiles.Get("comext/sdmx/250410.csv"), "--format", "csv");

        Assert.Equal(0, code);
        // The same figures as the flakes code alone, under the commodity's series name.
        Assert.Equal(flakesOnly.Replace(",250410,", ",flake-graphite/ore,", StringComparison.Ordinal), output);
    }

    [Theory]
    // not in the catalog: usage
    [InlineData("unobtainium", 2, "'unobtainium' is not a commodity id")]
    // not a stage: usage
    [InlineData("graphite/flakes", 2, "the stage must be one of ore, intermediate, metal, downstream")]
    // in the catalog, but none of its codes in the file: data
    [InlineData("cobalt", 1, "none of the codes of cobalt (260500, 282200, 810520) is in the file (it has 850511)")]
    // a stage whose codes are not in the file
    [InlineData("rare-earths/metal", 1, "none of the codes of rare-earths/metal (280530)")]
    public async Task RunAsync_BadCommodity_ClearErrorNothingWritten(string commodity, int expected, string message)
    {
        var (code, output, err) = await RunAsync("--input", SampleFiles.Get("comext/850511.json"), "--commodity", commodity);

        Assert.Equal(expected, code);
        Assert.Contains(message, err, StringComparison.Ordinal);
        Assert.Empty(output);
    }

    [Fact]
    public async Task RunAsync_BadCatalogFile_NamesFileAndPath()
    {
        var catalog = Path.Combine(_folder, "bad.json");
        File.WriteAllText(catalog, """{"commodities":[{"id":"Bad Id","name":"x","stages":{}}]}""");

        var (code, output, err) = await RunAsync("--input", SampleFiles.Get("comext/850511.json"), "--commodity", "graphite", "--catalog", catalog);

        Assert.Equal(1, code);
        Assert.Contains("bad.json: $.commodities[0].id", err, StringComparison.Ordinal);
        Assert.Empty(output);
    }
}
