using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Alerts.Cli.Commands;
using Alerts.TestKit.Samples;

namespace Alerts.Cli.Tests;

/// <summary>
/// <c>alerts indices</c> on files in any row order, its lean default columns and <c>--columns</c> groups, the
/// streaming SDMX-CSV path against the general one, and <c>--output FILE</c> (written whole or not at all).
/// </summary>
public sealed class IndicesStreamingTests
{
    private static readonly string[] SdmxSamples =
    [
        "golden/eu-ree-imports-2022.csv", "golden/eu-ree-imports-2024.csv", "comext/sdmx/850511.csv", "crma/eu-ree-2024.csv", "equivalence/284690.csv",
    ];

    private static async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        var stdout = new StringWriter(CultureInfo.InvariantCulture);
        var stderr = new StringWriter(CultureInfo.InvariantCulture);
        var code = await IndicesCommand.RunAsync(args, stdout, stderr, CancellationToken.None);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private static async Task<string> TempFileAsync(string content)
    {
        var path = Path.Combine(Path.GetTempPath(), $"indices-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(path, content);
        return path;
    }

    /// <summary>The header, then the data lines in a random (seeded) order.</summary>
    private static string Shuffled(string csv, int seed)
    {
        var lines = csv.TrimEnd('\n').Split('\n');
        var body = lines[1..];
        new Random(seed).Shuffle(body);
        return string.Join('\n', [lines[0], .. body]) + "\n";
    }

    public static TheoryData<string, string> SamplesAndWindows()
    {
        var data = new TheoryData<string, string>();
        foreach (var sample in SdmxSamples)
        {
            foreach (var window in new[] { "published", "annual", "rolling12", "monthly" })
            {
                data.Add(sample, window);
            }
        }

        data.Add("comext/sdmx/850511-monthly.csv", "published");
        return data;
    }

    [Theory]
    [MemberData(nameof(SamplesAndWindows))]
    public async Task RunAsync_ShuffledRows_GiveTheSameOutput(string sample, string window)
    {
        var original = await File.ReadAllTextAsync(SampleFiles.Get(sample));
        var expected = await RunAsync("--input", SampleFiles.Get(sample), "--format", "csv", "--window", window, "--columns", "changes");
        Assert.True(expected.Code == 0, expected.Err);
        foreach (var seed in new[] { 1, 2, 3 })
        {
            var path = await TempFileAsync(Shuffled(original, seed));
            try
            {
                foreach (var columns in new[] { "changes", "all" })
                {
                    var (code, output, error) = await RunAsync("--input", path, "--format", "csv", "--window", window, "--columns", columns);
                    Assert.True(code == 0, error);
                    if (columns == "changes")
                    {
                        Assert.Equal(expected.Out, output);
                    }
                    else
                    {
                        // The general path (CRMA and supply-risk columns after the 42 others): the same cells before them.
                        static string First42(string csv) => string.Join('\n', csv.Split('\n').Select(l => string.Join(',', l.Split(',').Take(42))));
                        Assert.Equal(First42(expected.Out), First42(output));
                    }
                }
            }
            finally
            {
                File.Delete(path);
            }
        }
    }

    [Fact]
    public async Task RunAsync_ShuffledComtradeRecords_GiveTheSameOutput()
    {
        var sample = SampleFiles.Get("equivalence/284690-comtrade.json");
        var expected = await RunAsync("--input", sample, "--format", "csv", "--columns", "all");
        var json = JsonNode.Parse(await File.ReadAllTextAsync(sample))!;
        var records = json["data"]!.AsArray().Select(n => n!.DeepClone()).ToArray();
        new Random(7).Shuffle(records);
        json["data"] = new JsonArray(records);
        var path = await TempFileAsync(json.ToJsonString());
        try
        {
            var actual = await RunAsync("--input", path, "--format", "csv", "--columns", "all");

            Assert.Equal(0, actual.Code);
            Assert.Equal(expected.Out, actual.Out);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task RunAsync_StreamingPath_MatchesTheGeneralPathFieldForField()
    {
        foreach (var sample in SdmxSamples)
        {
            foreach (var window in new[] { "published", "rolling12" })
            {
                // --columns crma takes the general path (observations, then CRMA shares); changes alone the streaming one.
                var fast = await RunAsync("--input", SampleFiles.Get(sample), "--format", "json", "--window", window, "--columns", "changes");
                var general = await RunAsync("--input", SampleFiles.Get(sample), "--format", "json", "--window", window, "--columns", "changes,crma");
                Assert.Equal(0, fast.Code);
                Assert.Equal(0, general.Code);
                using var f = JsonDocument.Parse(fast.Out);
                using var g = JsonDocument.Parse(general.Out);
                var fr = f.RootElement.EnumerateArray().ToList();
                var gr = g.RootElement.EnumerateArray().ToList();
                Assert.Equal(gr.Count, fr.Count);
                for (var i = 0; i < fr.Count; i++)
                {
                    foreach (var p in fr[i].EnumerateObject())
                    {
                        Assert.Equal(gr[i].GetProperty(p.Name).GetRawText(), p.Value.GetRawText());
                    }
                }
            }
        }
    }

    [Fact]
    public async Task RunAsync_DefaultColumns_AreTheContractAndWindowFieldsOnly()
    {
        var (code, output, _) = await RunAsync("--input", SampleFiles.Get("golden/eu-ree-imports-2024.csv"), "--format", "csv");

        Assert.Equal(0, code);
        var header = output.Split('\n')[0].Split(',');
        Assert.Equal(IndicesCommand.Fields.Take(22), header);
        Assert.DoesNotContain("hhiChangeFromPrevious", header);
        Assert.DoesNotContain("crmaImportShare", header);
    }

    [Theory]
    [InlineData("changes", "hhiChangeFromPrevious", "crmaImportShare")]
    [InlineData("crma", "crmaImportShare", "supplyRisk")]
    [InlineData("supply-risk", "supplyRisk", "crmaImportShare")]
    public async Task RunAsync_Columns_AddsTheGroupAskedFor(string columns, string present, string absent)
    {
        var (code, output, error) = await RunAsync("--input", SampleFiles.Get("crma/eu-ree-2024.csv"), "--format", "json", "--columns", columns);

        Assert.True(code == 0, error);
        using var doc = JsonDocument.Parse(output);
        var row = doc.RootElement[0];
        Assert.True(row.TryGetProperty(present, out _), present);
        Assert.False(row.TryGetProperty(absent, out _), absent);
    }

    [Fact]
    public async Task RunAsync_UnknownColumnGroup_ExitsTwo()
    {
        var (code, _, error) = await RunAsync("--input", "x", "--columns", "changes,colour");

        Assert.Equal(2, code);
        Assert.Contains("--columns", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_OutputFile_HoldsWhatStandardOutputWouldAndNothingIsPrinted()
    {
        var target = Path.Combine(Path.GetTempPath(), $"indices-out-{Guid.NewGuid():N}.csv");
        try
        {
            var toStdout = await RunAsync("--input", SampleFiles.Get("comext/sdmx/850511.csv"), "--format", "csv");
            var (code, output, _) = await RunAsync("--input", SampleFiles.Get("comext/sdmx/850511.csv"), "--format", "csv", "--output", target);

            Assert.Equal(0, code);
            Assert.Equal(string.Empty, output);
            Assert.Equal(toStdout.Out, await File.ReadAllTextAsync(target));
            Assert.Empty(Directory.GetFiles(Path.GetTempPath(), $".{Path.GetFileName(target)}.*"));
        }
        finally
        {
            File.Delete(target);
        }
    }

    [Theory]
    [InlineData("ESTAT:DS-045409(1.0),15/09/23,A,EU27_2020,CN,280530,1,QUANTITY_IN_100KG,2022,-5\n", "line 4", "negative")]
    [InlineData("ESTAT:DS-045409(1.0),15/09/23,A,EU27_2020,CN,280530,1,QUANTITY_IN_100KG,2022,5\n", "line 4", "already given at line 2")]
    [InlineData("ESTAT:DS-045409(1.0),15/09/23,A,EU27_2020,CN,280530,3,QUANTITY_IN_100KG,2022,5\n", "line 4", "flow '3'")]
    [InlineData("ESTAT:DS-045409(1.0),15/09/23,A,EU27_2020,CN,280530,1\n", "line 4", "expected 10 columns")]
    public async Task RunAsync_BadRowAnywhere_NamesFileAndLineAndLeavesNoOutputFile(string badRow, string line, string problem)
    {
        // The bad row comes after rows of another series (scattered), in both the streaming and the general path.
        var csv = "DATAFLOW,LAST UPDATE,freq,reporter,partner,product,flow,indicators,TIME_PERIOD,OBS_VALUE\n"
            + "ESTAT:DS-045409(1.0),15/09/23,A,EU27_2020,CN,280530,1,QUANTITY_IN_100KG,2022,72000.00\n"
            + "ESTAT:DS-045409(1.0),15/09/23,A,EU27_2020,MY,280530,1,QUANTITY_IN_100KG,2022,55800.00\n"
            + badRow
            + "ESTAT:DS-045409(1.0),15/09/23,A,EU27_2020,US,280530,1,QUANTITY_IN_100KG,2022,100\n";
        var input = await TempFileAsync(csv);
        var target = Path.Combine(Path.GetTempPath(), $"indices-out-{Guid.NewGuid():N}.csv");
        try
        {
            foreach (var columns in new[] { "changes", "all" })
            {
                var (code, output, error) = await RunAsync("--input", input, "--format", "csv", "--columns", columns, "--output", target);

                Assert.Equal(1, code);
                Assert.Equal(string.Empty, output);
                Assert.Contains(input, error, StringComparison.Ordinal);
                Assert.Contains(line, error, StringComparison.Ordinal);
                Assert.Contains(problem, error, StringComparison.Ordinal);
                Assert.False(File.Exists(target));
            }
        }
        finally
        {
            File.Delete(input);
        }
    }
}
