using System.Text;

namespace Alerts.Pull.Statistics;

/// <summary>
/// Tells the three formats apart from the first bytes of a payload: SDMX-CSV starts with its header row
/// (<c>DATAFLOW,...</c>); JSON-stat has top-level <c>version</c>/<c>class</c>/<c>dimension</c>/<c>id</c>
/// keys; Comtrade has <c>count</c>/<c>data</c>/<c>elapsedTime</c>.
/// </summary>
public static class TradeDataFormatDetector
{
    /// <summary>How many leading bytes the detector looks at.</summary>
    public const int PrefixLength = 64 * 1024;

    private static readonly string[] JsonStatKeys = ["\"version\"", "\"class\"", "\"dimension\"", "\"updated\"", "\"size\"", "\"id\"", "\"value\"", "\"warning\"", "\"error\""];
    private static readonly string[] ComtradeKeys = ["\"elapsedTime\"", "\"count\"", "\"data\"", "\"statusCode\""];

    /// <summary>The format, or null when the prefix matches none.</summary>
    public static TradeDataFormat? Detect(ReadOnlySpan<byte> prefix)
    {
        var text = Encoding.UTF8.GetString(prefix).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (text.Length == 0)
        {
            return null;
        }

        if (text[0] != '{')
        {
            var firstLine = text.Split('\n', 2)[0];
            return firstLine.StartsWith("DATAFLOW", StringComparison.Ordinal) || firstLine.Contains("TIME_PERIOD", StringComparison.Ordinal)
                ? TradeDataFormat.ComextSdmxCsv
                : null;
        }

        var jsonStat = FirstIndex(text, JsonStatKeys);
        var comtrade = FirstIndex(text, ComtradeKeys);
        return (jsonStat, comtrade) switch
        {
            (< 0, < 0) => null,
            (>= 0, < 0) => TradeDataFormat.ComextJsonStat,
            (< 0, >= 0) => TradeDataFormat.ComtradeJson,
            var (j, c) => j < c ? TradeDataFormat.ComextJsonStat : TradeDataFormat.ComtradeJson,
        };
    }

    private static int FirstIndex(string text, string[] keys)
    {
        var best = -1;
        foreach (var k in keys)
        {
            var i = text.IndexOf(k, StringComparison.Ordinal);
            if (i >= 0 && (best < 0 || i < best))
            {
                best = i;
            }
        }

        return best;
    }
}
