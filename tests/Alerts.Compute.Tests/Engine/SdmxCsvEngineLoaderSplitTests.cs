using System.Globalization;
using System.Text;
using Alerts.Compute.Engine;
using Alerts.Pull.Statistics;
using Alerts.Pull.Statistics.Scope;

namespace Alerts.Compute.Tests.Engine;

/// <summary>
/// A file parsed as two halves on two threads (from 16 MB on; here from any size above the first read) gives what one
/// parser gives: the same rows and load, and on bad input the same message naming the same lines.
/// </summary>
public sealed class SdmxCsvEngineLoaderSplitTests
{
    private const string Header = "DATAFLOW,LAST UPDATE,freq,reporter,partner,product,flow,indicators,TIME_PERIOD,OBS_VALUE";
    private static readonly string[] Reporters = ["EU27_2020", "FR", "DE"];
    private static readonly string[] Partners = ["US", "CN", "JP", "KR", "IN", "BR", "CA", "AU", "MX", "ZA", "NO", "CH"];

    /// <summary>About 37 000 rows (3 MB, more than the parser's first 1 MB read), in a seeded random order.</summary>
    private static List<string> Rows(int seed)
    {
        var rows = new List<string>();
        var cell = 0;
        foreach (var reporter in Reporters)
        {
            for (var product = 0; product < 40; product++)
            {
                for (var month = 0; month < 24; month++, cell++)
                {
                    var partners = 1 + (cell * 5 % Partners.Length);
                    for (var p = 0; p < partners; p++)
                    {
                        var q = 100 + (((cell * 37) + (p * 11)) % 9973);
                        var period = string.Create(CultureInfo.InvariantCulture, $"{2020 + (month / 12)}-{(month % 12) + 1:D2}");
                        var updated = month < 12 ? "09/04/25" : "11/04/25";
                        rows.Add(string.Create(CultureInfo.InvariantCulture, $"ESTAT:DS-045409(1.0),{updated},M,{reporter},{Partners[p]},{28050000 + product},1,QUANTITY_IN_100KG,{period},{q}.{p % 10}0"));
                        rows.Add(string.Create(CultureInfo.InvariantCulture, $"ESTAT:DS-045409(1.0),{updated},M,{reporter},{Partners[p]},{28050000 + product},1,VALUE_IN_EUROS,{period},{q * (7 + p)}"));
                    }
                }
            }
        }

        new Random(seed).Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(rows));
        return rows;
    }

    private static string Write(IEnumerable<string> rows)
    {
        var path = Path.Combine(Path.GetTempPath(), $"sdmx-split-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, string.Join('\n', [Header, .. rows]) + "\n", Encoding.UTF8);
        return path;
    }

    private static (SdmxCsvLoad? Load, List<IndexRow> Rows) Load(string path, long splitBytes)
    {
        var engine = new IndexEngine(new IndexEngineOptions { Windows = [IndexWindow.Monthly, IndexWindow.Rolling12], Bases = [Basis.Weight, Basis.Value] });
        var load = SdmxCsvEngineLoader.Load(path, "split.csv", engine, PartnerScopeKind.ThirdCountries, null, splitBytes);
        return (load, engine.Drain().SelectMany(r => r.ToList()).ToList());
    }

    private static string Failure(string path, long splitBytes) =>
        Assert.Throws<TradeDataFormatException>(() => Load(path, splitBytes)).Message;

    [Fact]
    public void Load_SplitInTwo_GivesTheRowsAndLoadOfOneParser()
    {
        var path = Write(Rows(3));
        try
        {
            Assert.True(new FileInfo(path).Length > 2 << 20);
            var one = Load(path, long.MaxValue);
            var two = Load(path, 0);

            Assert.NotNull(one.Load);
            Assert.Equal(one.Load, two.Load);
            Assert.NotNull(two.Load!.Vintage.Timestamp);
            Assert.True(one.Rows.Count > 10_000);
            Assert.Equal(one.Rows, two.Rows);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Load_SplitInTwo_RepeatedRowAcrossTheHalves_IsNamedWithBothLinesAsOneParserNamesThem()
    {
        var rows = Rows(4);
        var firstLine = 10; // line 10 of the file (the header is line 1) is in the first half, its repeat ends the second
        rows.Add(rows[firstLine - 2]);
        var path = Write(rows);
        try
        {
            var message = Failure(path, 0);

            Assert.Contains($"line {rows.Count + 1}", message, StringComparison.Ordinal);
            Assert.Contains($"already given at line {firstLine}", message, StringComparison.Ordinal);
            Assert.Equal(Failure(path, long.MaxValue), message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Load_SplitInTwo_BadRowInTheSecondHalf_NamesItsLine()
    {
        var rows = Rows(5);
        var bad = (rows.Count * 3) / 4;
        rows[bad] = rows[bad].Replace(",1,QUANTITY", ",3,QUANTITY", StringComparison.Ordinal).Replace(",1,VALUE", ",3,VALUE", StringComparison.Ordinal);
        var path = Write(rows);
        try
        {
            var message = Failure(path, 0);

            Assert.Contains($"line {bad + 2}", message, StringComparison.Ordinal);
            Assert.Contains("flow '3'", message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
