using System.Globalization;
using System.Text.Json;
using Alerts.Cli.Commands;
using Alerts.TestKit.Samples;

namespace Alerts.Cli.Tests;

/// <summary>
/// The CRMA-share and supply-risk part of <c>alerts indices</c> (<c>--production</c>, <c>--wgi</c>, <c>--supply-risk</c>) on
/// <c>samples/crma</c>: the published EU rare-earth imports of 2024 (samples/README.md) with 5 500 t of third-country exports (and intra-EU exports to
/// DE and an EXT_EU27_2020 aggregate that the scope must drop).
/// </summary>
public sealed class IndicesCommandCrmaTests
{
    private const decimal ChinaKg = 5_972_700m; // 46.3% of 12 900 t
    private const decimal ImportsKg = 12_900_000m;
    private const decimal ExportsKg = 5_500_000m; // US 2 000 t, CH 1 500 t, GB 1 200 t, TR 800 t
    private const decimal ProductionKg = 1_000_000m; // samples/crma/production.csv

    private static readonly string Trade = SampleFiles.Get("crma/eu-ree-2024.csv");

    private static async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        var stdout = new StringWriter(CultureInfo.InvariantCulture);
        var stderr = new StringWriter(CultureInfo.InvariantCulture);
        // Every column group: these tests read the change, CRMA and supply-risk fields (the default output leaves them out).
        string[] all = args.Contains("--columns") ? args : [.. args, "--columns", "all"];
        var code = await IndicesCommand.RunAsync(all, stdout, stderr, CancellationToken.None);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private static async Task<JsonElement> RowAsync(string flow, params string[] args)
    {
        var (code, output, error) = await RunAsync([.. args, "--format", "json"]);
        Assert.True(code == 0, error);
        using var doc = JsonDocument.Parse(output);
        return doc.RootElement.EnumerateArray().Single(r => r.GetProperty("flow").GetString() == flow).Clone();
    }

    [Fact]
    public async Task RunAsync_WithProduction_ConsumptionShareIsChinaOverApparentConsumption()
    {
        var row = await RowAsync("import", "--input", Trade, "--production", SampleFiles.Get("crma/production.csv"));

        // By hand: 5 972.7 t / (1 000 t + 12 900 t - 5 500 t) = 0.71104: above 65% although the import share is 46.3%.
        var consumption = ProductionKg + ImportsKg - ExportsKg;
        Assert.Equal((double)(ChinaKg / consumption), row.GetProperty("crmaConsumptionShare").GetDouble(), 12);
        Assert.Equal(0.463, row.GetProperty("crmaImportShare").GetDouble(), 12);
        Assert.Equal(consumption, row.GetProperty("crmaApparentConsumption").GetDecimal());
        Assert.Equal(ExportsKg, row.GetProperty("crmaExports").GetDecimal()); // DE (intra-EU) and EXT_EU27_2020 left out
        Assert.Equal(ProductionKg, row.GetProperty("crmaProduction").GetDecimal());
        Assert.Equal("import-and-consumption-share", row.GetProperty("crmaProxy").GetString());
        Assert.Contains("illustrative sample figure", row.GetProperty("crmaNote").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_WithoutProduction_ImportProxyOnlyWithTheReason()
    {
        var row = await RowAsync("import", "--input", Trade);

        Assert.Equal(0.463, row.GetProperty("crmaImportShare").GetDouble(), 12);
        Assert.Equal(JsonValueKind.Null, row.GetProperty("crmaConsumptionShare").ValueKind);
        Assert.Equal(JsonValueKind.Null, row.GetProperty("crmaApparentConsumption").ValueKind);
        Assert.Equal("import-share-only", row.GetProperty("crmaProxy").GetString());
        Assert.Equal("import share only: no production figure for this reporter/product/year", row.GetProperty("crmaNote").GetString());
    }

    [Theory]
    // imports-only input: missing exports are not taken as zero
    [InlineData("golden/eu-ree-imports-2024.csv", "weight", "no export figures")]
    // value basis: production is in kg
    [InlineData("crma/eu-ree-2024.csv", "value", "needs the weight basis")]
    public async Task RunAsync_ProductionButNoConsumptionProxy_SaysWhy(string sample, string basis, string reason)
    {
        var row = await RowAsync("import", "--input", SampleFiles.Get(sample), "--basis", basis, "--production", SampleFiles.Get("crma/production.csv"));

        Assert.Equal(JsonValueKind.Null, row.GetProperty("crmaConsumptionShare").ValueKind);
        Assert.Equal("import-share-only", row.GetProperty("crmaProxy").GetString());
        Assert.Contains(reason, row.GetProperty("crmaNote").GetString(), StringComparison.Ordinal);
        Assert.Equal(row.GetProperty("cr1").GetDouble(), row.GetProperty("crmaImportShare").GetDouble(), 12);
    }

    [Fact]
    public async Task RunAsync_ExportRow_HasNoCrmaOrSupplyRiskFields()
    {
        var row = await RowAsync("export", "--input", Trade, "--production", SampleFiles.Get("crma/production.csv"), "--supply-risk", SampleFiles.Get("crma/supply-risk.json"));

        foreach (var field in new[] { "crmaImportShare", "crmaConsumptionShare", "crmaNote", "supplyRisk", "supplyRiskIndicative" })
        {
            Assert.Equal(JsonValueKind.Null, row.GetProperty(field).ValueKind);
        }
    }

    [Fact]
    public async Task RunAsync_SupplyRiskWithOperatorWgi_ProcessingStageMatchesTheFormulaAndIsTheBottleneck()
    {
        var row = await RowAsync(
            "import", "--input", Trade, "--production", SampleFiles.Get("crma/production.csv"),
            "--supply-risk", SampleFiles.Get("crma/supply-risk.json"), "--wgi", SampleFiles.Get("crma/wgi-operator.csv"));

        // By hand from the sample files: EU sourcing = 2024 imports by partner, WGI (2.5 - estimate) * 2, t_CN = 1.1.
        static double Wgi(double estimate) => (2.5 - estimate) * 2;
        var eu = new (double Share, double Wgi, double T)[]
        {
            (0.463, Wgi(-0.50), 1.1), (0.284, Wgi(-0.95), 1), (0.199, Wgi(0.15), 1), (0.020, Wgi(0.50), 1),
            (0.015, Wgi(1.00), 1), (0.010, Wgi(0.10), 1), (0.005, Wgi(-0.30), 1), (0.004, Wgi(-0.40), 1),
        }.Sum(c => c.Share * c.Share * c.Wgi * c.T);
        var global = (0.85 * 0.85 * Wgi(-0.50) * 1.1) + (0.10 * 0.10 * Wgi(0.15)) + (0.05 * 0.05 * Wgi(1.00));
        var ir = (double)((ImportsKg - ExportsKg) / (ProductionKg + ImportsKg - ExportsKg));
        var sr = ((global * ir / 2) + (eu * (1 - (ir / 2)))) * (1 - 0.01) * 0.96;
        Assert.Equal(eu, row.GetProperty("hhiWgiEu").GetDouble(), 9);
        Assert.Equal(global, row.GetProperty("hhiWgiGlobal").GetDouble(), 9);
        Assert.Equal(ir, row.GetProperty("importReliance").GetDouble(), 12);
        Assert.Equal(sr, row.GetProperty("supplyRisk").GetDouble(), 9);
        Assert.Equal("rare earths", row.GetProperty("supplyRiskMaterial").GetString());
        Assert.Equal("processing", row.GetProperty("supplyRiskStage").GetString());
        Assert.Equal("processing", row.GetProperty("supplyRiskBottleneck").GetString());
        Assert.Equal(sr, row.GetProperty("supplyRiskBottleneckValue").GetDouble(), 9);
        Assert.False(row.GetProperty("supplyRiskIndicative").GetBoolean()); // every input supplied
        Assert.Equal(0, row.GetProperty("supplyRiskDefaults").GetArrayLength());
        Assert.Equal("sample 2026-01", row.GetProperty("wgiVintage").GetString());
        Assert.StartsWith("illustrative operator table", row.GetProperty("wgiSource").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_SupplyRiskWithShippedWgiAndNoProduction_IsIndicativeAndListsTheDefaults()
    {
        var row = await RowAsync("import", "--input", Trade, "--supply-risk", SampleFiles.Get("crma/supply-risk.json"));

        Assert.True(row.GetProperty("supplyRiskIndicative").GetBoolean());
        var defaults = row.GetProperty("supplyRiskDefaults").EnumerateArray().Select(d => d.GetString()!).ToList();
        Assert.Contains(defaults, d => d.StartsWith("processing: WGI: shipped", StringComparison.Ordinal));
        Assert.Contains(defaults, d => d == "processing: production = 0 (not supplied) in import reliance");
        Assert.Contains(defaults, d => d == "processing: EU sourcing: WGI missing for VN, 5 used");
        Assert.Equal("World Bank WGI, CC BY 4.0", row.GetProperty("wgiSource").GetString());
        Assert.Equal(1.0, row.GetProperty("importReliance").GetDouble(), 12); // (12 900 - 5 500) / (0 + 12 900 - 5 500)
    }

    [Fact]
    public async Task RunAsync_TableWithSupplyRisk_ShowsBothStagesTheBottleneckAndTheWgiProvenance()
    {
        var (code, output, error) = await RunAsync(
            "--input", Trade, "--production", SampleFiles.Get("crma/production.csv"), "--supply-risk", SampleFiles.Get("crma/supply-risk.json"));

        Assert.True(code == 0, error);
        Assert.Contains("CRMA shares", output, StringComparison.Ordinal);
        Assert.Contains("71.1 %", output, StringComparison.Ordinal); // consumption share
        Assert.Contains("extraction", output, StringComparison.Ordinal);
        Assert.Matches(@"processing\s*│[^\n]*│\s*yes\s*│\s*indicative", output);
        Assert.Contains("WGI: World Bank WGI, CC BY 4.0", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_TableWithProduction_ShowsTheStageBenchmarkBesideThe65PercentTest()
    {
        var (code, output, error) = await RunAsync("--input", Trade, "--production", SampleFiles.Get("crma/production.csv"));

        // Rare-earth metals (280530, metal stage: processing): 1 000 t / (1 000 + 12 900 - 5 500) t = 11.9% of EU consumption,
        // short of the 40% benchmark; China 5 972.7 / 8 400 = 71.1%, above 65%.
        Assert.True(code == 0, error);
        Assert.Contains("CRMA benchmarks", output, StringComparison.Ordinal);
        Assert.Matches(@"280530\s*│\s*2024\s*│\s*processing\s*│\s*11\.9 %\s*│\s*40\.0 %\s*│\s*no\s*│\s*CN\s*│\s*71\.1 %\s*│\s*yes", output);
    }

    [Fact]
    public async Task RunAsync_TableWithoutProduction_NoBenchmarkTable()
    {
        var (code, output, error) = await RunAsync("--input", Trade);

        Assert.True(code == 0, error);
        Assert.DoesNotContain("CRMA benchmarks", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_CsvWithProduction_CarriesTheSameSharesAsJson()
    {
        var json = await RowAsync("import", "--input", Trade, "--production", SampleFiles.Get("crma/production.csv"));
        var (code, output, _) = await RunAsync("--input", Trade, "--production", SampleFiles.Get("crma/production.csv"), "--format", "csv");

        Assert.Equal(0, code);
        var lines = output.TrimEnd('\n').Split('\n');
        var header = lines[0].Split(',');
        Assert.Equal(IndicesCommand.Fields, header);
        var import = lines.Single(l => l.Contains(",import,", StringComparison.Ordinal)).Split(',');
        Assert.Equal(header.Length, import.Length); // no supply-risk text here, so no quoted commas
        Assert.Equal(json.GetProperty("crmaConsumptionShare").GetDouble(), double.Parse(import[Array.IndexOf(header, "crmaConsumptionShare")], CultureInfo.InvariantCulture));
        Assert.Equal("import-and-consumption-share", import[Array.IndexOf(header, "crmaProxy")]);
    }

    [Theory]
    // production CSV without its header
    [InlineData("--production", "reporter,product,year,kg\n", "line 1")]
    // production quantity not a number
    [InlineData("--production", "reporter,product,year,quantity_kg\nEU27_2020,280530,2024,lots\n", "line 2")]
    // production listed twice
    [InlineData("--production", "reporter,product,year,quantity_kg\nEU27_2020,280530,2024,1\nEU27_2020,280530,2024,2\n", "line 3")]
    // production JSON without a quantity
    [InlineData("--production", """{"entries":[{"reporter":"EU27_2020","product":"280530","year":2024}]}""", "$.entries[0].quantityKg")]
    // WGI estimate not a number
    [InlineData("--wgi", "# vintage: 2025\ncountry,year,estimate\nCN,2024,minus\n", "line 3")]
    // WGI file that does not say its vintage
    [InlineData("--wgi", "country,year,estimate\nCN,2024,0.1\n", "vintage")]
    // supply-risk stage unknown
    [InlineData("--supply-risk", """{"materials":[{"material":"x","year":2024,"stages":[{"stage":"mining","globalSupply":{}}]}]}""", "$.materials[0].stages[0].stage")]
    // supply-risk EoL-RIR out of range
    [InlineData("--supply-risk", """{"materials":[{"material":"x","year":2024,"stages":[{"stage":"processing","globalSupply":{},"eolRir":1.5}]}]}""", "$.materials[0].stages[0].eolRir")]
    // supply-risk product linked to two stages
    [InlineData("--supply-risk", """{"materials":[{"material":"x","year":2024,"stages":[{"stage":"processing","product":"280530","globalSupply":{}},{"stage":"extraction","product":"280530","globalSupply":{}}]}]}""", "$.materials[0]: product 280530")]
    // supply-risk not JSON
    [InlineData("--supply-risk", "{\"materials\":[", "not valid JSON")]
    public async Task RunAsync_BadOperatorFile_NamesOptionFileAndPlaceWritesNothingAndFails(string option, string content, string where)
    {
        var path = Path.Combine(Path.GetTempPath(), $"bad-{Guid.NewGuid():N}.dat");
        await File.WriteAllTextAsync(path, content);
        try
        {
            var (code, output, error) = await RunAsync("--input", Trade, option, path, "--format", "json");

            Assert.Equal(1, code);
            Assert.Equal(string.Empty, output);
            Assert.Contains(option + " " + path, error, StringComparison.Ordinal);
            Assert.Contains(where, error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task RunAsync_MissingProductionFile_FailsNamingIt()
    {
        var (code, output, error) = await RunAsync("--input", Trade, "--production", "/nonexistent/production.csv");

        Assert.Equal(1, code);
        Assert.Equal(string.Empty, output);
        Assert.Contains("--production /nonexistent/production.csv: cannot be read", error, StringComparison.Ordinal);
    }
}
