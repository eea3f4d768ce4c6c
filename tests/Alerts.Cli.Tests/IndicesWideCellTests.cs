using System.Globalization;
using System.Text;
using System.Text.Json;
using Alerts.Cli.Commands;

namespace Alerts.Cli.Tests;

/// <summary>
/// The streaming SDMX-CSV path on cells with many partners in scattered order: a cell's per-partner entries move to
/// larger slab regions as partners arrive (4, 8, 16, 32, 64), and the numbers must still be the general path's, and a
/// repeated indicator must still be caught after the move.
/// </summary>
public sealed class IndicesWideCellTests
{
    private const string Header = "DATAFLOW,LAST UPDATE,freq,reporter,partner,product,flow,indicators,TIME_PERIOD,OBS_VALUE";

    private static readonly string[] Partners =
    [
        "US", "CN", "JP", "KR", "IN", "BR", "CA", "AU", "MX", "ZA", "NG", "EG", "TR", "RU", "UA", "NO", "CH", "GB", "IS", "AR",
        "CL", "PE", "CO", "VE", "MA", "DZ", "TN", "KE", "ET", "TZ", "VN", "TH", "MY", "ID", "PH", "SG", "PK", "BD", "LK", "NZ",
    ];

    /// <summary>Rows of 2 reporters x 3 products x 6 months, cell c with 1 + (c * 7) % 40 partners (up to all 40), both indicators.</summary>
    private static List<string> Rows()
    {
        var rows = new List<string>();
        var cell = 0;
        foreach (var reporter in new[] { "EU27_2020", "FR" })
        {
            foreach (var product in new[] { "28053010", "28053090", "85051110" })
            {
                for (var month = 1; month <= 6; month++, cell++)
                {
                    var partners = 1 + (cell * 7 % 40);
                    for (var p = 0; p < partners; p++)
                    {
                        var quantity = 1000 + (((cell * 31) + (p * 17)) % 997);
                        rows.Add(string.Create(CultureInfo.InvariantCulture, $"ESTAT:DS-045409(1.0),09/04/25,M,{reporter},{Partners[p]},{product},1,QUANTITY_IN_100KG,2024-{month:D2},{quantity}.{p % 10}0"));
                        rows.Add(string.Create(CultureInfo.InvariantCulture, $"ESTAT:DS-045409(1.0),09/04/25,M,{reporter},{Partners[p]},{product},1,VALUE_IN_EUROS,2024-{month:D2},{quantity * (3 + p)}"));
                    }
                }
            }
        }

        return rows;
    }

    private static async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        var stdout = new StringWriter(CultureInfo.InvariantCulture);
        var stderr = new StringWriter(CultureInfo.InvariantCulture);
        var code = await IndicesCommand.RunAsync(args, stdout, stderr, CancellationToken.None);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private static async Task<string> WriteAsync(IEnumerable<string> rows)
    {
        var path = Path.Combine(Path.GetTempPath(), $"indices-wide-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(path, string.Join('\n', [Header, .. rows]) + "\n", Encoding.UTF8);
        return path;
    }

    [Theory]
    [InlineData("weight", 11)]
    [InlineData("value", 12)]
    public async Task RunAsync_WideCellsShuffled_StreamingPathMatchesTheGeneralPath(string basis, int seed)
    {
        var rows = Rows();
        new Random(seed).Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(rows));
        var input = await WriteAsync(rows);
        try
        {
            // --columns crma takes the general path (observations, then CRMA shares); changes alone the streaming one.
            var fast = await RunAsync("--input", input, "--format", "json", "--basis", basis, "--columns", "changes");
            var general = await RunAsync("--input", input, "--format", "json", "--basis", basis, "--columns", "changes,crma");

            Assert.Equal(0, fast.Code);
            Assert.Equal(0, general.Code);
            using var f = JsonDocument.Parse(fast.Out);
            using var g = JsonDocument.Parse(general.Out);
            var fr = f.RootElement.EnumerateArray().ToList();
            var gr = g.RootElement.EnumerateArray().ToList();
            Assert.Equal(36, fr.Count);
            Assert.Equal(gr.Count, fr.Count);
            Assert.Contains(fr, r => r.GetProperty("suppliers").GetInt32() == 40);
            for (var i = 0; i < fr.Count; i++)
            {
                foreach (var p in fr[i].EnumerateObject())
                {
                    Assert.Equal(gr[i].GetProperty(p.Name).GetRawText(), p.Value.GetRawText());
                }
            }
        }
        finally
        {
            File.Delete(input);
        }
    }

    [Fact]
    public async Task RunAsync_RepeatedIndicatorOfTheLastPartnerOfAWideCell_IsNamedWithBothLines()
    {
        // The 40th partner's value of a 40-partner cell, given again at the end, after the cell grew to 64 entries.
        var rows = Rows();
        var repeated = rows.FindIndex(r => r.Contains(",NZ,", StringComparison.Ordinal) && r.Contains("VALUE_IN_EUROS", StringComparison.Ordinal));
        new Random(5).Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(rows));
        var original = Rows()[repeated];
        var first = rows.IndexOf(original) + 2; // line numbers: header is line 1
        rows.Add(original[..(original.LastIndexOf(',') + 1)] + "7");
        var input = await WriteAsync(rows);
        try
        {
            var (code, output, error) = await RunAsync("--input", input, "--format", "csv");

            Assert.Equal(1, code);
            Assert.Equal(string.Empty, output);
            Assert.Contains($"line {rows.Count + 1}", error, StringComparison.Ordinal);
            Assert.Contains($"already given at line {first}", error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(input);
        }
    }
}
