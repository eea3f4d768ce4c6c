using System.Globalization;
using System.Text;

namespace Alerts.Benchmarks.Parsing;

/// <summary>Writes large, valid Comext files with a fixed seed: same bytes every run.</summary>
internal static class SampleFileGenerator
{
    private static readonly string[] Partners = BuildPartners();

    /// <summary>SDMX-CSV with <paramref name="rows"/> rows: series (partner, product) contiguous, both indicators, months from 2001.</summary>
    public static void WriteSdmxCsv(string path, long rows, int seed)
    {
        var random = new Random(seed);
        const int months = 250;
        var perSeries = months * 2;
        var series = (rows + perSeries - 1) / perSeries;
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20);
        writer.Write("DATAFLOW,LAST UPDATE,freq,reporter,partner,product,flow,indicators,TIME_PERIOD,OBS_VALUE\n");
        long written = 0;
        var line = new StringBuilder(128);
        for (long s = 0; s < series && written < rows; s++)
        {
            var partner = Partners[s % Partners.Length];
            var product = (280000 + (s / Partners.Length)).ToString(CultureInfo.InvariantCulture);
            foreach (var indicator in new[] { "QUANTITY_IN_100KG", "VALUE_IN_EUROS" })
            {
                for (var m = 0; m < months && written < rows; m++)
                {
                    line.Clear();
                    line.Append("ESTAT:DS-045409(1.0),15/10/25,M,EU27_2020,").Append(partner).Append(',').Append(product).Append(",1,").Append(indicator).Append(',')
                        .Append((2001 + (m / 12)).ToString(CultureInfo.InvariantCulture)).Append('-').Append(((m % 12) + 1).ToString("D2", CultureInfo.InvariantCulture)).Append(',');
                    if (random.Next(20) != 0)
                    {
                        line.Append((random.Next(1, 10_000_000) / 10m).ToString(CultureInfo.InvariantCulture));
                    }

                    line.Append('\n');
                    writer.Write(line);
                    written++;
                }
            }
        }
    }

    /// <summary>
    /// A sparse JSON-stat dataset of partners x products x 2 indicators x months, about 95% of cells filled,
    /// with <c>value</c> first as Eurostat writes it, or last (<paramref name="dimensionsFirst"/>), which the
    /// reader reads in one pass. Returns the number of filled cells.
    /// </summary>
    public static long WriteJsonStat(string path, int partners, int products, int months, int seed, bool dimensionsFirst = false)
    {
        var random = new Random(seed);
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20);
        writer.Write("{\"version\":\"2.0\",\"class\":\"dataset\",\"updated\":\"2025-10-15T11:00:00+0200\",");
        if (dimensionsFirst)
        {
            WriteDimensions(writer, partners, products, months);
            writer.Write(',');
        }

        writer.Write("\"value\":{");
        long cells = (long)partners * products * 2 * months;
        long filled = 0;
        var first = true;
        Span<char> number = stackalloc char[32];
        for (long i = 0; i < cells; i++)
        {
            if (random.Next(20) == 0)
            {
                continue;
            }

            if (!first)
            {
                writer.Write(',');
            }

            first = false;
            writer.Write('"');
            i.TryFormat(number, out var n, provider: CultureInfo.InvariantCulture);
            writer.Write(number[..n]);
            writer.Write("\":");
            (random.Next(1, 10_000_000) / 10m).TryFormat(number, out n, provider: CultureInfo.InvariantCulture);
            writer.Write(number[..n]);
            filled++;
        }

        writer.Write('}');
        if (!dimensionsFirst)
        {
            writer.Write(',');
            WriteDimensions(writer, partners, products, months);
        }

        writer.Write('}');
        return filled;
    }

    private static void WriteDimensions(StreamWriter writer, int partners, int products, int months)
    {
        writer.Write("\"id\":[\"freq\",\"reporter\",\"partner\",\"product\",\"flow\",\"indicators\",\"time\"],");
        writer.Write(string.Create(CultureInfo.InvariantCulture, $"\"size\":[1,1,{partners},{products},1,2,{months}],\"dimension\":{{"));
        writer.Write("\"freq\":{\"category\":{\"index\":{\"M\":0}}},\"reporter\":{\"category\":{\"index\":{\"EU27_2020\":0}}},");
        writer.Write("\"partner\":{\"category\":{\"index\":[" + string.Join(",", Partners.Take(partners).Select(p => $"\"{p}\"")) + "]}},");
        writer.Write("\"product\":{\"category\":{\"index\":[" + string.Join(",", Enumerable.Range(0, products).Select(p => $"\"{280000 + p}\"")) + "]}},");
        writer.Write("\"flow\":{\"category\":{\"index\":{\"1\":0}}},\"indicators\":{\"category\":{\"index\":{\"QUANTITY_IN_100KG\":0,\"VALUE_IN_EUROS\":1}}},");
        writer.Write("\"time\":{\"category\":{\"index\":[" + string.Join(",", Enumerable.Range(0, months).Select(m => string.Create(CultureInfo.InvariantCulture, $"\"{2001 + (m / 12)}-{(m % 12) + 1:D2}\""))) + "]}}}");
    }

    private static string[] BuildPartners()
    {
        var list = new List<string>();
        for (var a = 'A'; a <= 'Z'; a++)
        {
            for (var b = 'A'; b <= 'Z'; b++)
            {
                if (a != 'Q')
                {
                    list.Add($"{a}{b}");
                }
            }
        }

        return [.. list];
    }
}
