using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Alerts.Cli.Commands;
using Alerts.Compute.Engine;
using Alerts.Pull.Statistics;
using Alerts.Pull.Statistics.Scope;
using Alerts.TestKit.Samples;

namespace Alerts.Cli.Tests;

public sealed class IndicesCommandTests
{
    private static async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        var stdout = new StringWriter(CultureInfo.InvariantCulture);
        var stderr = new StringWriter(CultureInfo.InvariantCulture);
        // Every column group: these tests read the change, CRMA and supply-risk fields (the default output leaves them out).
        string[] all = args.Contains("--columns") ? args : [.. args, "--columns", "all"];
        var code = await IndicesCommand.RunAsync(all, stdout, stderr, CancellationToken.None);
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
    [InlineData("comext/850511.json")]
    [InlineData("crma/eu-ree-2024.csv", "--production", "crma/production.csv", "--supply-risk", "crma/supply-risk.json")]
    public async Task RunAsync_Table_FitsAn80ColumnTerminalAndShowsTheHeadlineFields(string input, params string[] options)
    {
        var args = new List<string> { "--input", SampleFiles.Get(input) };
        args.AddRange(options.Select(o => o.StartsWith("--", StringComparison.Ordinal) ? o : SampleFiles.Get(o)));

        var (code, output, error) = await RunAsync([.. args]);

        Assert.True(code == 0, error);
        Assert.All(output.Split('\n'), line => Assert.True(line.TrimEnd().Length <= 80, $"wider than 80 columns: '{line}'"));
        var header = output.Split('\n').First(l => l.Contains("reporter", StringComparison.Ordinal));
        Assert.Matches(@"reporter\s*│product\s*│flow\s*│period\s*│\s*total\s*│N\s*│\s*HHI\s*│\s*CR1\s*│\s*CR3\s*│top", header);
        Assert.Contains("more fields: --format json|csv", Regex.Replace(output, @"\s+", " "), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"class\":\"dataset\",\"value\":{\"0\":\"x\"},\"id\":[\"freq\",\"reporter\",\"partner\",\"product\",\"flow\",\"indicators\",\"time\"],\"size\":[1,1,1,1,1,1,1],\"dimension\":{\"freq\":{\"category\":{\"index\":{\"A\":0}}},\"reporter\":{\"category\":{\"index\":{\"EU27_2020\":0}}},\"partner\":{\"category\":{\"index\":{\"CN\":0}}},\"product\":{\"category\":{\"index\":{\"850511\":0}}},\"flow\":{\"category\":{\"index\":{\"1\":0}}},\"indicators\":{\"category\":{\"index\":{\"VALUE_IN_EUROS\":0}}},\"time\":{\"category\":{\"index\":{\"2024\":0}}}}}", "$.value['0']: expected a number or null")] // wrong type
    [InlineData("{\"class\":\"dataset\",\"value\":{\"0\":\"x\"}", "$: malformed or truncated JSON")] // unclosed: found before any cell is read
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

    /// <summary>HHI of one period's third-country partners, straight from the file with decimal shares (not the engine).</summary>
    private static double HandHhi(string sample, Func<Period, bool> periods)
    {
        var amounts = TradeDataReader.ReadFile(SampleFiles.Get(sample)).Observations
            .Where(o => periods(o.Period) && o.Flow == TradeFlow.Import && o.QuantityKg is > 0 && PartnerScope.Includes(PartnerScopeKind.ThirdCountries, o.Reporter, o.Partner))
            .GroupBy(o => o.Partner)
            .Select(g => g.Sum(o => o.QuantityKg!.Value))
            .ToList();
        var total = amounts.Sum();
        return (double)amounts.Sum(a => (a * 100m / total) * (a * 100m / total));
    }

    private static async Task<List<JsonElement>> JsonRowsAsync(params string[] args)
    {
        var (code, output, error) = await RunAsync([.. args, "--format", "json"]);
        Assert.True(code == 0, error);
        using var doc = JsonDocument.Parse(output);
        return [.. doc.RootElement.EnumerateArray().Select(e => e.Clone())];
    }

    [Fact]
    public async Task RunAsync_RareEarthSample_ChangeAgainstPreviousYearIsTheDifferenceOfTheYearsHhi()
    {
        var rows = await JsonRowsAsync("--input", SampleFiles.Get("comext/284690.json"));
        var y2024 = rows.Single(r => r.GetProperty("period").GetString() == "2024");

        var expected = HandHhi("comext/284690.json", p => p == Period.Annual(2024)) - HandHhi("comext/284690.json", p => p == Period.Annual(2023));
        Assert.Equal(expected, y2024.GetProperty("hhiChangeFromPrevious").GetDouble(), 6);
        Assert.Equal(expected, y2024.GetProperty("hhiChangeFromYearAgo").GetDouble(), 6); // annual: a year ago is the previous year
        Assert.Equal("2023", y2024.GetProperty("previousPeriod").GetString());
        Assert.Equal("2023", y2024.GetProperty("yearAgoPeriod").GetString());
        Assert.Equal("CN", y2024.GetProperty("previousTopSupplier").GetString());
        Assert.Equal(0.463 - 0.39, y2024.GetProperty("cr1ChangeFromPrevious").GetDouble(), 9);
        Assert.Equal(1, y2024.GetProperty("suppliersChangeFromPrevious").GetInt32()); // 7 against 6
        Assert.Equal("annual", y2024.GetProperty("window").GetString());
        Assert.Equal(12, y2024.GetProperty("monthsCovered").GetInt32());
        Assert.True(y2024.GetProperty("complete").GetBoolean());
        Assert.Equal(y2024.GetProperty("hhi").GetDouble() / 10000, y2024.GetProperty("hhiFraction").GetDouble(), 12);
        Assert.Equal(Math.Exp(y2024.GetProperty("entropy").GetDouble()), y2024.GetProperty("expEntropy").GetDouble(), 12);
        var first = rows[0];
        Assert.Equal("2019", first.GetProperty("period").GetString());
        Assert.Equal(JsonValueKind.Null, first.GetProperty("hhiChangeFromPrevious").ValueKind); // no earlier year
        Assert.Equal(JsonValueKind.Null, first.GetProperty("previousTopSupplier").ValueKind);
    }

    [Fact]
    public async Task RunAsync_Rolling12OnMonthlySample_SumsTheMonthsAndFlagsIncompleteWindows()
    {
        var input = SampleFiles.Get("comext/850511-monthly.json");
        var monthly = await JsonRowsAsync("--input", input);
        var rolling = await JsonRowsAsync("--input", input, "--window", "rolling12");

        Assert.All(monthly, r => Assert.Equal("monthly", r.GetProperty("window").GetString()));
        Assert.Equal(monthly.Select(r => r.GetProperty("period").GetString()), rolling.Select(r => r.GetProperty("period").GetString()));
        var last = rolling[^1];
        Assert.Equal("rolling12", last.GetProperty("window").GetString());
        Assert.Equal(monthly.Sum(r => r.GetProperty("total").GetDecimal()), last.GetProperty("total").GetDecimal());
        Assert.Equal(monthly.Count, last.GetProperty("monthsCovered").GetInt32());
        Assert.False(last.GetProperty("complete").GetBoolean()); // fewer than 12 months in the file
        Assert.Equal(HandHhi("comext/850511-monthly.json", _ => true), last.GetProperty("hhi").GetDouble(), 6);
        var expectedChange = last.GetProperty("hhi").GetDouble() - rolling[^2].GetProperty("hhi").GetDouble();
        Assert.Equal(expectedChange, last.GetProperty("hhiChangeFromPrevious").GetDouble(), 9);
        Assert.Equal(JsonValueKind.Null, last.GetProperty("hhiChangeFromYearAgo").ValueKind); // no month a year earlier
    }

    [Fact]
    public async Task RunAsync_AnnualWindowOnMonthlySample_GivesTheYearToDate()
    {
        var input = SampleFiles.Get("comext/850511-monthly.json");
        var monthly = await JsonRowsAsync("--input", input);

        var year = Assert.Single(await JsonRowsAsync("--input", input, "--window", "annual"));

        Assert.Equal("2024", year.GetProperty("period").GetString());
        Assert.Equal(monthly.Sum(r => r.GetProperty("total").GetDecimal()), year.GetProperty("total").GetDecimal());
        Assert.False(year.GetProperty("fromAnnualData").GetBoolean());
        Assert.False(year.GetProperty("complete").GetBoolean());
    }

    [Fact]
    public async Task RunAsync_CsvOfRareEarthSample_HasTheNewColumnsWithEmptyCellsWithoutAnEarlierYear()
    {
        var (code, output, _) = await RunAsync("--input", SampleFiles.Get("comext/284690.json"), "--format", "csv");

        Assert.Equal(0, code);
        var lines = output.TrimEnd('\n').Split('\n');
        var header = lines[0].Split(',');
        Assert.Equal(IndicesCommand.Fields, header);
        Assert.All(lines, l => Assert.Equal(header.Length, l.Split(',').Length));
        var first = lines[1].Split(',');
        var last = lines[^1].Split(',');
        var hhiChange = Array.IndexOf(header, "hhiChangeFromYearAgo");
        Assert.Equal(string.Empty, first[hhiChange]);
        Assert.Equal(
            double.Parse(last[Array.IndexOf(header, "hhi")], CultureInfo.InvariantCulture) - double.Parse(lines[^2].Split(',')[Array.IndexOf(header, "hhi")], CultureInfo.InvariantCulture),
            double.Parse(last[hhiChange], CultureInfo.InvariantCulture),
            9);
        Assert.Equal("annual", last[Array.IndexOf(header, "window")]);
    }

    [Fact]
    public async Task RunAsync_BadWindow_ExitsTwoNamingTheChoices()
    {
        var (code, output, error) = await RunAsync("--input", "x", "--window", "weekly");

        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        Assert.Contains("weekly", error, StringComparison.Ordinal);
        Assert.Contains("--window published|annual|rolling12|monthly", error, StringComparison.Ordinal);
    }
}
